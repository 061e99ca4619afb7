/// A value inside a template, modelled on the Python values Jinja2 templates see.
///
/// Lists and dicts are shared, mutable references (as in Python: `{% do l.append(1) %}`
/// changes every name bound to `l`); tuples and scalars are plain values.
public enum Value {
    /// A name or attribute that does not exist: prints empty, is falsy, fails when used further.
    /// Carries the message to report when it is misused (`'x' is undefined`).
    case undefined(String?)
    case none
    case bool(Bool)
    case int(Int)
    /// An integer outside 64 bits; arithmetic moves between `int` and `bigInt` as needed.
    case bigInt(BigInteger)
    case float(Double)
    case string(String)
    case list(ListStorage)
    case tuple([Value])
    case dict(DictStorage)
    /// A macro, a host function or a bound method.
    case callable(any Callable)
    /// An object supplied by the host (a relation, a config object, a namespace, a loop).
    case object(any HostObject)
}

extension Value {
    /// A new Python list holding `items`.
    public static func list(_ items: [Value]) -> Value { .list(ListStorage(items)) }

    /// A new Python dict holding `pairs` in order; later duplicates win.
    public static func dict(_ pairs: [(String, Value)]) -> Value {
        let storage = DictStorage()
        for (key, value) in pairs { storage[.string(key)] = value }
        return .dict(storage)
    }

    /// Whether this value is an undefined name.
    public var isUndefined: Bool {
        if case .undefined = self { return true }
        return false
    }

    /// Whether this value is Python's `None`.
    public var isNone: Bool {
        if case .none = self { return true }
        return false
    }

    /// The string inside a `.string`, or nil.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// Python truthiness.
    public var isTruthy: Bool {
        switch self {
        case .undefined, .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .bigInt: return true
        case .float(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .dict(let d): return d.count > 0
        case .callable: return true
        case .object(let o): return o.isTruthy
        }
    }

    /// The Python type name, for error messages (`'int' object is not iterable`).
    public var typeName: String {
        switch self {
        case .undefined: return "Undefined"
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int, .bigInt: return "int"
        case .float: return "float"
        case .string: return "str"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict: return "dict"
        case .callable(let c): return c.typeName
        case .object(let o): return o.typeName
        }
    }
}

/// The storage of a Python list: a reference, so that every holder sees mutations.
public final class ListStorage {
    public var items: [Value]
    public init(_ items: [Value] = []) { self.items = items }

    deinit { NestedRelease.release(&items) }
}
