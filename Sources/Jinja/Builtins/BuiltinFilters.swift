/// Jinja2's built-in filters and dbt's additions, registered by name. Each concern lives in
/// its own table under `Filters/`.
enum BuiltinFilters {
    static let all: [String: Environment.Filter] = [strings, layout, markup, numbers, sequences, ordering,
                                                    selecting, conversions, dbt]
        .reduce(into: [:]) { table, part in table.merge(part) { first, _ in first } }

    /// A filter that takes no arguments besides its value.
    static func unary(_ name: String, _ body: @escaping @Sendable (Value) throws -> Value) -> Environment.Filter {
        unary(name) { value, _ in try body(value) }
    }

    /// A filter that takes no arguments besides its value, and uses the render's context.
    static func unary(_ name: String, _ body: @escaping @Sendable (Value, CallContext) throws -> Value) -> Environment.Filter {
        { value, arguments, context in
            _ = try arguments.bind(name, [])
            return try body(value, context)
        }
    }
}
