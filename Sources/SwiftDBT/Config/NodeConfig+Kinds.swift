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
        case "materialized", "schema", "database", "alias", "incremental_strategy":
            guard value.stringValue == nil else { return nil }
            expected = "text"
        case "on_schema_change", "on_configuration_change":
            let allowed = key == "on_schema_change" ? OnSchemaChange.allCases.map(\.rawValue) : OnConfigurationChange.allCases.map(\.rawValue)
            if let text = value.stringValue, allowed.contains(text) { return nil }
            expected = "one of " + allowed.map { "'\($0)'" }.joined(separator: ", ")
        case "contract":
            return contractProblem(value)
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

    /// A `contract` must be a mapping of `enforced` and `alias_types`, each true or false.
    private static func contractProblem(_ value: ConfigValue) -> String? {
        guard case .dict(let fields) = value else {
            return "config 'contract' must be a mapping such as {enforced: true}, not \(value.kindDescription)"
        }
        for (key, setting) in fields {
            guard key == "enforced" || key == "alias_types" else {
                return "config 'contract' has no setting '\(key)' (it takes 'enforced' and 'alias_types')"
            }
            guard setting.boolValue != nil || setting == .null else {
                return "config 'contract.\(key)' must be true or false, not \(setting.kindDescription)"
            }
        }
        return nil
    }

    /// Whether the `contract` config enforces a contract (`contract: {enforced: true}`).
    public var contractEnforced: Bool { contractSetting("enforced") ?? false }

    /// Whether a contract's data types may be aliases the adapter translates (`contract: {alias_types: false}`
    /// turns that off; true when unset).
    public var contractAliasTypes: Bool { contractSetting("alias_types") ?? true }

    private func contractSetting(_ key: String) -> Bool? {
        guard case .dict(let fields)? = self["contract"] else { return nil }
        return fields.last(where: { $0.key == key })?.value.boolValue
    }

    /// `on_schema_change`: what an incremental run does when the model's columns change (`ignore` when unset).
    public var onSchemaChange: OnSchemaChange {
        self["on_schema_change"]?.stringValue.flatMap(OnSchemaChange.init) ?? .ignore
    }
}
