extension NodeConfig {
    /// The entries as manifest.json writes a node's config: the hooks under dbt's keys `pre-hook` and `post-hook`,
    /// each as `{sql, transaction, index}` (a hook written as text runs inside the transaction).
    var manifestEntries: [(key: String, value: ConfigValue)] {
        entries.map { key, value in
            guard let written = ["pre_hook": "pre-hook", "post_hook": "post-hook"][key] else { return (key, value) }
            return (written, .list(Hooks.entries(value).map { hook in
                .dict([("sql", .string(hook.sql)), ("transaction", .bool(hook.transactional)), ("index", .null)])
            }))
        }
    }
}
