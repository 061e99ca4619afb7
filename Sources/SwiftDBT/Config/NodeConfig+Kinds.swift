extension NodeConfig {
    /// Why `value` cannot be the config `key` because it is of the wrong kind (`enabled: maybe`,
    /// `materialized: [table]`, `tags: {a: 1}`), nil when it can or the key is not checked. Checked
    /// where configs are written: property files, `dbt_project.yml` trees and `config()` calls.
    static func kindProblem(_ key: String, _ value: ConfigValue) -> String? {
        guard value != .null else { return nil }
        let key = canonicalKey(key)
        let expected: String
        switch key {
        case "enabled", "full_refresh":
            guard value.boolValue == nil else { return nil }
            expected = "true or false"
        case "materialized", "schema", "database", "alias", "incremental_strategy", "on_schema_change":
            guard value.stringValue == nil else { return nil }
            expected = "text"
        case "tags":
            if case .list(let items) = value, items.allSatisfy({ $0.stringValue != nil }) { return nil }
            guard value.stringValue == nil else { return nil }
            expected = "a tag or a list of tags"
        case "meta", "grants", "docs", "persist_docs", "quoting", "column_types":
            if case .dict = value { return nil }
            expected = "a mapping"
        default:
            return nil
        }
        return "config '\(key)' must be \(expected), not \(value.kindDescription)"
    }
}
