import Jinja

/// The `{{ config(...) }}` dbt appends to a generic test's raw code: the test's configs as its property entry
/// writes them (the arguments that are configs, in dbt's order, then the rest of `config:`), and the `alias`
/// dbt gives a test whose generated name is too long to file (its short, hashed name). dbt compares raw code
/// in `state:modified.body`, so it is written as dbt writes it.
enum GenericTestConfigCall {
    /// dbt's order of the config keys a test entry may hold among its arguments.
    private static let order = ["severity", "tags", "enabled", "where", "limit", "warn_if", "error_if", "fail_calc",
                                "store_failures", "store_failures_as", "meta", "database", "schema", "alias"]

    /// The entries in dbt's order: the keys of `order` first, then the others as written; a key written twice
    /// keeps its last value; nulls are left out, as dbt leaves them out.
    static func entries(_ written: [(key: String, value: ConfigValue)]) -> [(key: String, value: ConfigValue)] {
        var last: [String: ConfigValue] = [:]
        var others: [String] = []
        for (key, value) in written {
            if last.updateValue(value, forKey: key) == nil, !order.contains(key) { others.append(key) }
        }
        return (order.filter { last[$0] != nil } + others).compactMap { key in
            guard let value = last[key], value != .null else { return nil }
            return (key, value)
        }
    }

    /// `{{ config(severity="warn",tags=['a']) }}`: strings in double quotes (inner ones escaped), other values as
    /// Python prints them; empty without entries.
    static func text(_ entries: [(key: String, value: ConfigValue)]) -> String {
        guard !entries.isEmpty else { return "" }
        let arguments = entries.map { key, value in
            if case .string(let text) = value { return "\(key)=\"\(text.replacingOccurrences(of: "\"", with: "\\\""))\"" }
            return "\(key)=\(value.jinjaValue.repr)"
        }
        return "{{ config(" + arguments.joined(separator: ",") + ") }}"
    }
}
