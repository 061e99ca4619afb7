/// dbt's type-marker filters. dbt applies them when rendering natively (configs, test arguments):
/// the text is read as a Python literal (`ast.literal_eval`), kept as text when it is not one,
/// and `as_bool`/`as_number` insist on the type. Here the conversion happens in the filter itself.
extension BuiltinFilters {
    static let dbt: [String: Environment.Filter] = [
        "as_text": unary("as_text") { .string($0.str) },
        "as_native": unary("as_native") { try PythonLiteral.evaluate($0.str) ?? .string($0.str) },
        "as_bool": unary("as_bool") { value in
            try literal(value, "bool") { if case .bool = $0 { return true } else { return false } }
        },
        "as_number": unary("as_number") { value in
            try literal(value, "number") { value in
                switch value {
                case .int, .bigInt, .float: return true
                default: return false
                }
            }
        },
    ]

    /// The literal `str(value)` spells, which must pass `accepts`.
    private static func literal(_ value: Value, _ type: String, accepts: (Value) -> Bool) throws -> Value {
        guard let result = try PythonLiteral.evaluate(value.str), accepts(result) else {
            throw TemplateError(.invalidArgument, "Could not convert value '\(value.str)' into type '\(type)'")
        }
        return result
    }
}
