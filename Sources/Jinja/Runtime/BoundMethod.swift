/// A Python method of a built-in value taken without calling it (`{{ s.upper }}`, `map(x.get)`).
final class BoundMethod: Callable {
    let receiver: Value
    let name: String

    init(_ receiver: Value, _ name: String) {
        self.receiver = receiver
        self.name = name
    }

    var typeName: String { "builtin_function_or_method" }

    func call(_ arguments: Arguments, _ context: CallContext) throws -> Value {
        guard let result = try BuiltinMethods.call(receiver, name, arguments, context) else {
            throw TemplateError(.invalidOperation, "'\(receiver.typeName)' object has no attribute '\(name)'")
        }
        return result
    }
}
