/// Jinja2's built-in tests, registered by name.
enum BuiltinTests {
    static let all: [String: Environment.Test] = [:]
}
