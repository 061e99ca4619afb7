/// A JSON-like value from YAML, config calls and vars: what configs, vars and the manifest hold.
public indirect enum ConfigValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([ConfigValue])
    /// Keys in their original order.
    case dict([(key: String, value: ConfigValue)])

    public static func == (a: ConfigValue, b: ConfigValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.list(let x), .list(let y)): return x == y
        case (.dict(let x), .dict(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .int(let i): hasher.combine(i)
        case .double(let d): hasher.combine(d)
        case .string(let s): hasher.combine(s)
        case .list(let l): hasher.combine(l)
        case .dict(let d):
            for (key, value) in d {
                hasher.combine(key)
                hasher.combine(value)
            }
        }
    }

    /// The value under `key` of a dict, or nil.
    public subscript(key: String) -> ConfigValue? {
        guard case .dict(let pairs) = self else { return nil }
        return pairs.last(where: { $0.key == key })?.value
    }

    /// The string inside, or nil.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The strings of a string or a list of strings (`tags: a` and `tags: [a, b]`).
    public var stringList: [String] {
        switch self {
        case .string(let s): return [s]
        case .list(let items): return items.compactMap(\.stringValue)
        default: return []
        }
    }

    /// YAML/Python truthiness for flags such as `enabled`.
    public var boolValue: Bool? {
        switch self {
        case .bool(let b): return b
        case .string(let s):
            switch s.lowercased() {
            case "true", "yes", "on", "1": return true
            case "false", "no", "off", "0": return false
            default: return nil
            }
        case .int(let i): return i != 0
        default: return nil
        }
    }
}
