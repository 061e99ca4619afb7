/// Something a template can call: a macro, a host function, a bound method.
public protocol Callable: AnyObject {
    /// The name shown in errors and by `{{ f.name }}`.
    var name: String { get }
    /// The Python-ish type name used in messages.
    var typeName: String { get }
    /// Calls with evaluated arguments.
    func call(_ arguments: Arguments, _ context: CallContext) throws -> Value
    /// An attribute of the callable itself (`macro.name`), or nil.
    func attribute(_ name: String) -> Value?
}

extension Callable {
    public var typeName: String { "function" }
    public func attribute(_ name: String) -> Value? {
        name == "name" ? .string(self.name) : nil
    }
}

/// A function supplied by the host (or a built-in global such as `range`).
public final class NativeFunction: Callable {
    public typealias Body = (Arguments, CallContext) throws -> Value
    public let name: String
    private let body: Body

    public init(_ name: String, _ body: @escaping Body) {
        self.name = name
        self.body = body
    }

    public func call(_ arguments: Arguments, _ context: CallContext) throws -> Value {
        try body(arguments, context)
    }
}

extension Value {
    /// A host function value.
    public static func function(_ name: String, _ body: @escaping NativeFunction.Body) -> Value {
        .callable(NativeFunction(name, body))
    }
}
