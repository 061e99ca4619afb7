extension NodeConfig {
    /// The entries as manifest.json writes a node's config: the hooks under dbt's keys `pre-hook` and `post-hook`,
    /// each as `{sql, transaction, index}` (a hook written as text runs inside the transaction), and a `contract`
    /// as `contractEntries` writes it.
    var manifestEntries: [(key: String, value: ConfigValue)] {
        entries.map { key, value in
            switch key {
            case "pre_hook", "post_hook":
                return (key == "pre_hook" ? "pre-hook" : "post-hook", .list(Hooks.entries(value).map { hook in
                    .dict([("sql", .string(hook.sql)), ("transaction", .bool(hook.transactional)), ("index", .null)])
                }))
            case "contract": return (key, contractValue)
            default: return (key, value)
            }
        }
    }

    /// The entries with a `contract` holding both its settings, `{enforced, alias_types}`, the unset ones at their
    /// defaults, as dbt writes a node's config.
    var contractEntries: [(key: String, value: ConfigValue)] {
        entries.map { key, value in key == "contract" ? (key, contractValue) : (key, value) }
    }

    private var contractValue: ConfigValue {
        .dict([("enforced", .bool(contractEnforced)), ("alias_types", .bool(contractAliasTypes))])
    }
}
