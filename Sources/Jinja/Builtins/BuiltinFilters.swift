/// Jinja2's built-in filters and dbt's additions, registered by name.
enum BuiltinFilters {
    static let all: [String: Environment.Filter] = [:]
}
