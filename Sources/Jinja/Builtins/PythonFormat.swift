/// Python's string formatting: `'%s-%d' % args` and `'{}'.format(...)`.
enum PythonFormat {
    /// `format % arguments`; `arguments` is a tuple, a dict, or a single value.
    static func percent(_ format: String, _ arguments: Value) throws -> String {
        throw TemplateError(.invalidOperation, "not implemented")
    }
}
