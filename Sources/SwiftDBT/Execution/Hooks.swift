import Jinja

/// `pre_hook` and `post_hook`: SQL statements rendered in the model's context and run around it.
///
/// A hook is a string, or dbt's `{sql: ..., transaction: false}` (what `before_begin()` and
/// `after_commit()` return). Post-hooks run inside the transaction that puts the new relation in
/// place unless they say `transaction: false`, in which case they run after it commits.
enum Hooks {
    /// Runs the hooks in `hooks` whose `transaction` flag equals `inTransaction`, in order; in a microbatch
    /// model's `batch`, rendered in it (`model.batch`).
    static func run(_ hooks: ConfigValue?, inTransaction: Bool, node: ProjectNode, compiler: Compiler,
                    connection: any DatabaseConnection, batch: MicrobatchWindow? = nil) throws {
        for (hook, transactional) in entries(hooks) where transactional == inTransaction {
            let sql = try compiler.renderHook(hook, for: node, on: connection, batch: batch)
            guard !sql.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            try connection.execute(sql)
        }
    }

    /// Each hook's SQL and whether it belongs inside the transaction.
    static func entries(_ hooks: ConfigValue?) -> [(sql: String, transactional: Bool)] {
        let items: [ConfigValue]
        switch hooks {
        case .list(let list)?: items = list
        case let single?: items = [single]
        case nil: items = []
        }
        return items.compactMap { item in
            if let sql = item.stringValue { return (sql, true) }
            guard let sql = item["sql"]?.stringValue else { return nil }
            return (sql, item["transaction"]?.boolValue ?? true)
        }
    }
}
