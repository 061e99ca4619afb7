import Jinja

/// A YAML value with the file position it came from, so every problem can be reported as `path:line:col`.
public struct YAMLNode: Sendable {
    public enum Kind: Sendable {
        case null
        /// A scalar resolved by YAML's core schema (bool, int, float or string).
        case scalar(ConfigValue)
        case sequence([YAMLNode])
        /// Keys in file order.
        case mapping([(key: String, value: YAMLNode)])
    }

    public var kind: Kind
    public var location: FileLocation

    public init(kind: Kind, location: FileLocation) {
        self.kind = kind
        self.location = location
    }

    /// Parses one YAML document; nil for an empty file. A key written twice in a mapping keeps its last value,
    /// as PyYAML keeps it.
    public static func parse(_ text: String, path: String) throws -> YAMLNode? {
        var warnings: [String] = []
        return try parse(text, path: path, warnings: &warnings)
    }

    /// Parses one YAML document, adding a warning for each key written twice in a mapping (both lines named).
    public static func parse(_ text: String, path: String, warnings: inout [String]) throws -> YAMLNode? {
        switch YAMLFastReader.read(text, path: path) {
        case .empty?: return nil
        case .node(let node, let duplicates)?:
            warnings += duplicates.map(\.warning)
            return node
        case nil: return try composed(text, path: path, warnings: &warnings)
        }
    }

    /// Parses one document with libYAML's events (the fast reader declined it).
    static func composed(_ text: String, path: String, warnings: inout [String]) throws -> YAMLNode? {
        let (node, duplicates) = try YAMLComposer.compose(text, path: path)
        warnings += duplicates.map(\.warning)
        return node
    }

    // MARK: Access

    /// The value under `key` of a mapping.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = kind else { return nil }
        return pairs.last(where: { $0.key == key })?.value
    }

    /// The entries of a mapping, or empty.
    public var entries: [(key: String, value: YAMLNode)] {
        if case .mapping(let pairs) = kind { return pairs }
        return []
    }

    /// The items of a sequence, or empty.
    public var items: [YAMLNode] {
        if case .sequence(let items) = kind { return items }
        return []
    }

    var isMapping: Bool {
        if case .mapping = kind { return true }
        return false
    }

    var isSequence: Bool {
        if case .sequence = kind { return true }
        return false
    }

    public var isNull: Bool {
        if case .null = kind { return true }
        return false
    }

    /// The scalar as text (numbers and bools as written by YAML's core schema), or nil for collections.
    public var scalarText: String? {
        guard case .scalar(let value) = kind else { return nil }
        switch value {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    /// The plain value, without positions.
    public var value: ConfigValue {
        switch kind {
        case .null: return .null
        case .scalar(let value): return value
        case .sequence(let items): return .list(items.map(\.value))
        case .mapping(let pairs): return .dict(pairs.map { ($0.key, $0.value.value) })
        }
    }
}

extension DBTError {
    private static let yamlLimitPrefix = "YAML limit exceeded: "

    /// A document over one of the limits that keep hostile YAML from exhausting memory or stack.
    static func yamlLimit(_ what: String, at location: FileLocation) -> DBTError {
        DBTError(.project, yamlLimitPrefix + what, at: location)
    }

    /// Whether this is a `yamlLimit` error (not a syntax error).
    var isYAMLLimit: Bool { message.hasPrefix(DBTError.yamlLimitPrefix) }
}

extension YAMLFastReader.DuplicateKey {
    /// The warning naming both places, as dbt warns of a duplicate key (the later value is kept).
    var warning: String {
        "[WARNING]: \(second): duplicate key '\(key)' (first at line \(first.line)): the value at line "
            + "\(second.line) is used, as dbt's YAML reader does"
    }
}
