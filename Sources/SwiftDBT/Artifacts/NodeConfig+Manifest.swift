extension NodeConfig {
    /// The entries as manifest.json writes a node's config: the hooks under dbt's keys `pre-hook` and `post-hook`,
    /// each as `{sql, transaction, index}` (a hook written as text runs inside the transaction), and a `contract`
    /// as `contractEntries` writes it.
    var manifestEntries: [(key: String, value: ConfigValue)] {
        contractEntries.map { key, value in
            guard let written = ["pre_hook": "pre-hook", "post_hook": "post-hook"][key] else { return (key, value) }
            return (written, .list(Hooks.entries(value).map { hook in
                .dict([("sql", .string(hook.sql)), ("transaction", .bool(hook.transactional)), ("index", .null)])
            }))
        }
    }

    /// The entries with a `contract` holding both its settings, `{enforced, alias_types}`, the unset ones at their
    /// defaults, as dbt writes a node's config.
    var contractEntries: [(key: String, value: ConfigValue)] {
        entries.map { key, value in
            key == "contract" ? (key, .dict([("enforced", .bool(contractEnforced)), ("alias_types", .bool(contractAliasTypes))]))
                : (key, value)
        }
    }
}
