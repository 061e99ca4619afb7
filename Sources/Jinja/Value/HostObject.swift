/// An object the host puts into a template: a relation, a config object, a namespace.
///
/// Only `typeName` is required; every other member has a default that behaves like a
/// plain Python object without that capability.
public protocol HostObject: AnyObject {
    var typeName: String { get }
    /// `obj.name`; nil means "no such attribute" (an undefined value).
    func attribute(_ name: String, _ context: CallContext) throws -> Value?
    /// `obj.name = value` (used by `namespace()`); throws when not supported.
    func setAttribute(_ name: String, _ value: Value) throws
    /// `obj[key]`; nil means "no such item".
    func item(_ key: Value, _ context: CallContext) throws -> Value?
    /// `obj(...)`.
    func call(_ arguments: Arguments, _ context: CallContext) throws -> Value
    /// `for x in obj`, or nil when not iterable.
    func iterate() throws -> [Value]?
    /// `obj op other` (`other op obj` when `reflected`), or nil when unsupported (Python's `NotImplemented`).
    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value?
    /// Python's `obj == other`, or nil to compare by identity.
    func equals(_ other: Value) -> Bool?
    /// Python's ordering of `obj` against `other` (-1, 0 or 1), or nil when the two cannot be ordered.
    func compare(to other: Value) throws -> Int?
    /// `{{ obj }}`: Python's `str(obj)`.
    var display: String { get }
    var isTruthy: Bool { get }
    /// What the object's value is, for Python's `==` and `hash()`: two objects of the same
    /// `typeName` and equal keys are equal and the same dict key. Nil: equal only to itself, unhashable.
    var valueKey: String? { get }
    /// Whether the `mapping` test is true (a Python `Mapping`; such objects usually answer `get` too).
    var isMapping: Bool { get }
}

extension HostObject {
    public func attribute(_ name: String, _ context: CallContext) throws -> Value? { nil }
    public func setAttribute(_ name: String, _ value: Value) throws {
        throw TemplateError(.invalidOperation, "'\(typeName)' object does not support attribute assignment")
    }
    public func item(_ key: Value, _ context: CallContext) throws -> Value? { nil }
    public func call(_ arguments: Arguments, _ context: CallContext) throws -> Value {
        throw TemplateError(.invalidOperation, "'\(typeName)' object is not callable")
    }
    public func iterate() throws -> [Value]? { nil }
    public func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? { nil }
    public func equals(_ other: Value) -> Bool? { nil }
    public func compare(to other: Value) throws -> Int? { nil }
    public var display: String { "<\(typeName) object>" }
    public var isTruthy: Bool { true }
    public var valueKey: String? { nil }
    public var isMapping: Bool { false }
}

extension HostObject {
    /// Python `==` between two host objects: by `valueKey` where both have one, else identity.
    func isEqual(to other: any HostObject) -> Bool {
        if self === other { return true }
        guard let key = valueKey, let otherKey = other.valueKey else { return false }
        return key == otherKey && typeName == other.typeName
    }
}
