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
    public init(_ value: Value) {
        switch value {
        case .undefined, .none: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .bigInt(let b): self = .string(b.description)
        case .float(let d): self = .double(d)
        case .string(let s): self = .string(s)
        case .list(let storage): self = .list(storage.items.map(ConfigValue.init))
        case .tuple(let items): self = .list(items.map(ConfigValue.init))
        case .dict(let storage): self = .dict(storage.entries.map { ($0.0.str, ConfigValue($0.1)) })
        case .callable, .object: self = .string(value.str)
        }
    }
}
