import Jinja

extension ConfigValue {
    /// The value as templates see it: dicts and lists become Python dicts and lists.
    public var jinjaValue: Value {
        switch self {
        case .null: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .float(d)
        case .string(let s): return .string(s)
        case .list(let items): return .list(items.map(\.jinjaValue))
        case .dict(let pairs): return .dict(pairs.map { ($0.key, $0.value.jinjaValue) })
        }
    }

    /// A template value as plain data; callables and host objects become their printed text.
    /// A list or dict that contains itself, or a value nested deeper than `ValueNesting.maxDepth`,
    /// is an error (as in Python's `json.dumps`).
    public init(_ value: Value) throws {
        var open = Set<ObjectIdentifier>()
        self = try ConfigValue.plain(value, depth: 0, open: &open)
    }

    private static func plain(_ value: Value, depth: Int, open: inout Set<ObjectIdentifier>) throws -> ConfigValue {
        switch value {
        case .undefined, .none: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .bigInt(let b): return .string(b.description)
        case .float(let d): return .double(d)
        case .string(let s): return .string(s)
        case .callable, .object: return .string(value.str)
        case .list(let storage):
            return .list(try nested(storage, depth: depth, open: &open) { open in
                try storage.items.map { try plain($0, depth: depth + 1, open: &open) }
            })
        case .tuple(let items):
            return .list(try nested(nil, depth: depth, open: &open) { open in
                try items.map { try plain($0, depth: depth + 1, open: &open) }
            })
        case .dict(let storage):
            return .dict(try nested(storage, depth: depth, open: &open) { open in
                try storage.entries.map { ($0.0.str, try plain($0.1, depth: depth + 1, open: &open)) }
            })
        }
    }

    /// Runs `body` for the items of `container`, failing for a cycle or too deep a value.
    private static func nested<T>(_ container: AnyObject?, depth: Int, open: inout Set<ObjectIdentifier>,
                                  _ body: (inout Set<ObjectIdentifier>) throws -> T) throws -> T {
        if ValueNesting.exceeded(depth + 1) { throw ValueNesting.error }
        guard let container else { return try body(&open) }
        let identity = ObjectIdentifier(container)
        guard open.insert(identity).inserted else { throw TemplateError(.invalidArgument, "Circular reference detected") }
        defer { open.remove(identity) }
        return try body(&open)
    }
}
