import Jinja
import Yams

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
            warnings += duplicates.map {
                "[WARNING]: \($0.second): duplicate key '\($0.key)' (first at line \($0.first.line)): the value at line "
                    + "\($0.second.line) is used, as dbt's YAML reader does"
            }
            return node
        case nil: return try composed(text, path: path)
        }
    }

    /// Parses one document with Yams (the fast reader declined it).
    static func composed(_ text: String, path: String) throws -> YAMLNode? {
        do {
            // The basic resolver skips Yams' regular-expression tag resolution; plain scalars are
            // resolved by `YAMLScalar` with PyYAML's rules instead (what dbt reads YAML with).
            guard let root = try Yams.compose(yaml: text, .basic) else { return nil }
            var expansion = AliasExpansion()
            return try YAMLNode(root, path: path, depth: 0, expansion: &expansion)
        } catch var error as DBTError {
            if error.sourceLine == nil, let location = error.location {
                error.sourceLine = SourceText.line(location.line, of: text)
            }
            throw error
        } catch let error as YamlError {
            throw DBTError.yaml(error, path: path, text: text)
        }
    }

    /// The limits on building a composed document: Yams hands back an alias as the anchored
    /// node itself, so each use of an alias copies that subtree here, and aliases of aliases
    /// multiply (a 4 KB "billion laughs" file would expand to a billion nodes).
    struct AliasExpansion {
        /// Nodes copied through aliases in one document: far above any real project's use of
        /// anchors (a few hundred nodes each), far below what exhausts memory (~100 MB).
        static let maxNodes = 1_000_000
        /// Where the nodes met so far start (line, column); meeting a position again is a use
        /// of an alias (composed nodes do not keep their anchors).
        var positions: Set<Int> = []
        var copied = 0
    }

    private init(_ node: Node, path: String, depth: Int, expansion: inout AliasExpansion,
                 copying: Bool = false) throws {
        location = FileLocation(path: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        var copying = copying
        if !copying, !expansion.positions.insert(location.line << 32 | location.column).inserted { copying = true }
        if copying {
            expansion.copied += 1
            if expansion.copied > AliasExpansion.maxNodes {
                throw DBTError.yamlLimit("aliases expand to more than \(AliasExpansion.maxNodes) nodes", at: location)
            }
        }
        if ValueNesting.exceeded(depth) {
            throw DBTError.yamlLimit("nesting deeper than \(ValueNesting.maxDepth) levels", at: location)
        }
        switch node {
        case .scalar(let scalar):
            kind = scalar.style == .plain ? YAMLScalar.resolve(scalar.string) : .scalar(.string(scalar.string))
        case .sequence(let sequence):
            kind = .sequence(try sequence.map {
                try YAMLNode($0, path: path, depth: depth + 1, expansion: &expansion, copying: copying)
            })
        case .mapping(let mapping):
            var pairs: [(key: String, value: YAMLNode)] = []
            for (key, value) in mapping {
                guard let name = key.string else {
                    let where_ = FileLocation(path: path, line: key.mark?.line ?? 1, column: key.mark?.column ?? 1)
                    throw DBTError(.project, "mapping keys must be strings", at: where_)
                }
                pairs.append((name, try YAMLNode(value, path: path, depth: depth + 1, expansion: &expansion,
                                                 copying: copying)))
            }
            kind = .mapping(pairs)
        case .alias:
            kind = .null
        }
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

    /// A YAML syntax error at YAML's own line and column.
    static func yaml(_ error: YamlError, path: String, text: String) -> DBTError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let message = "invalid YAML: " + problem + (context.map { " (\($0.text))" } ?? "")
            return DBTError(.project, message, at: FileLocation(path: path, line: mark.line, column: mark.column),
                            sourceLine: SourceText.line(mark.line, of: text))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let mark = context.mark
            return DBTError(.project, "duplicate key '\(duplicates.joined(separator: "', '"))'",
                            at: FileLocation(path: path, line: mark.line, column: mark.column),
                            sourceLine: SourceText.line(mark.line, of: text))
        default:
            return DBTError(.project, "invalid YAML: \(error)", at: FileLocation(path: path, line: 1, column: 1))
        }
    }
}
