/// Python methods of str, list and dict that templates call (`'a'.upper()`, `l.append(x)`).
enum BuiltinMethods {
    /// Whether `receiver` has a method called `name`.
    /// Tuples have the two read-only list methods.
    private static let tupleMethods: Set<String> = ["index", "count"]

    static func has(_ receiver: Value, _ name: String) -> Bool {
        switch receiver {
        case .string: return StringMethod(rawValue: name) != nil
        case .list: return ListMethod(rawValue: name) != nil
        case .dict: return DictMethod(rawValue: name) != nil
        case .tuple: return tupleMethods.contains(name)
        default: return false
        }
    }

    /// Calls method `name` of `receiver`; nil when it has no such method.
    static func call(_ receiver: Value, _ name: String, _ arguments: Arguments, _ context: CallContext) throws -> Value? {
        switch receiver {
        case .string(let text): return try StringMethod(rawValue: name)?.call(on: text, arguments, context)
        case .list(let list): return try ListMethod(rawValue: name)?.call(on: list, arguments, context)
        case .dict(let dict): return try DictMethod(rawValue: name)?.call(on: dict, arguments, context)
        case .tuple(let items):
            guard tupleMethods.contains(name) else { return nil }
            return try ListMethod(rawValue: name)?.call(on: ListStorage(items), arguments, context)
        default: return nil
        }
    }
}
