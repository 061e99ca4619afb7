/// The storage of a Python dict: insertion-ordered, hashed by Python key equality, shared by reference.
public final class DictStorage {
    public private(set) var keys: [Value] = []
    public private(set) var values: [Value] = []
    private var index: [DictKey: Int] = [:]

    public init() {}

    deinit {
        NestedRelease.release(&values)
        NestedRelease.release(&keys)
    }

    public var count: Int { keys.count }

    /// The value under `key`, or nil. Setting nil removes the entry.
    public subscript(key: Value) -> Value? {
        get {
            guard let k = DictKey(key), let i = index[k] else { return nil }
            return values[i]
        }
        set {
            guard let k = DictKey(key) else { return }
            if let newValue {
                if let i = index[k] {
                    values[i] = newValue
                } else {
                    index[k] = keys.count
                    keys.append(key)
                    values.append(newValue)
                }
            } else if let i = index.removeValue(forKey: k) {
                keys.remove(at: i)
                values.remove(at: i)
                for (key, position) in index where position > i { index[key] = position - 1 }
            }
        }
    }

    /// The value under a string key, or nil.
    public subscript(key: String) -> Value? {
        get { self[.string(key)] }
        set { self[.string(key)] = newValue }
    }

    /// Entries in insertion order.
    public var entries: Zip2Sequence<[Value], [Value]> { zip(keys, values) }

    /// A shallow copy.
    public func copy() -> DictStorage {
        let other = DictStorage()
        other.keys = keys
        other.values = values
        other.index = index
        return other
    }

    /// Removes every entry.
    public func removeAll() {
        keys.removeAll()
        values.removeAll()
        index.removeAll()
    }

    /// Whether `key` can be a dict key (Python: hashable).
    public static func isHashable(_ key: Value) -> Bool { DictKey(key) != nil }
}

/// A dict key under Python equality: `1`, `1.0` and `True` are the same key.
enum DictKey: Hashable {
    case none
    case int(Int)
    case bigInt(String)
    case float(Double)
    case string(String)
    case tuple([DictKey])
    /// A host object with a `valueKey`: its type name and key.
    case object(String, String)

    /// Nil for a value Python cannot hash (tuples nested too deeply included).
    init?(_ value: Value, depth: Int = 0) {
        switch value {
        case .none: self = .none
        case .bool(let b): self = .int(b ? 1 : 0)
        case .int(let i): self = .int(i)
        case .bigInt(let b): self = .bigInt(b.description)
        case .float(let d):
            if d.rounded() == d, let i = Int(exactly: d) { self = .int(i) } else { self = .float(d) }
        case .string(let s): self = .string(s)
        case .tuple(let items):
            var keys: [DictKey] = []
            keys.reserveCapacity(items.count)
            if ValueNesting.exceeded(depth + 1) { return nil }
            for item in items {
                guard let key = DictKey(item, depth: depth + 1) else { return nil }
                keys.append(key)
            }
            self = .tuple(keys)
        case .object(let object):
            guard let key = object.valueKey else { return nil }
            self = .object(object.typeName, key)
        case .undefined, .list, .dict, .callable: return nil
        }
    }
}
