/// Python methods of str, list and dict that templates call (`'a'.upper()`, `l.append(x)`).
enum BuiltinMethods {
    /// Whether `receiver` has a method called `name`.
    static func has(_ receiver: Value, _ name: String) -> Bool { false }

    /// Calls method `name` of `receiver`; nil when it has no such method.
    static func call(_ receiver: Value, _ name: String, _ arguments: Arguments, _ context: CallContext) throws -> Value? {
        nil
    }
}
