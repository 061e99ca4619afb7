/// The statements that fold a staged batch into an existing incremental table, by dbt's
/// `incremental_strategy`: `append`, `delete+insert` and `merge`.
///
/// `merge` is SQL's `MERGE` where the server runs it (`usesMerge`: PostgreSQL 15 and later); elsewhere the
/// same effect in two statements: matched rows updated from the batch, then unmatched rows inserted.
struct IncrementalSQL {
    let dialect: any Dialect
    let target: RelationName
    let staged: RelationName
    /// The columns inserted (after `on_schema_change`).
    let columns: [String]
    let uniqueKey: [String]
    /// `incremental_predicates`: extra conditions on `DBT_INTERNAL_DEST` / `DBT_INTERNAL_SOURCE`.
    let predicates: [String]
    /// Whether `merge` is one `MERGE` statement (the dialect's `supportsMerge` for the connection's server).
    let usesMerge: Bool

    static let destination = "DBT_INTERNAL_DEST"
    static let source = "DBT_INTERNAL_SOURCE"

    func append() -> [String] {
        ["insert into \(dialect.render(target)) (\(list(columns))) select \(list(columns)) from \(dialect.render(staged))"]
    }

    /// Rows whose key is in the batch are deleted, then the whole batch inserted.
    func deleteInsert() -> [String] {
        let keys = list(uniqueKey)
        let condition = (["(\(keys)) in (select \(keys) from \(dialect.render(staged)))"] + predicates.map { "(\($0))" })
            .joined(separator: " and ")
        return ["delete from \(dialect.render(target)) as \(IncrementalSQL.destination) where \(condition)"] + append()
    }

    /// Matched rows get `updateColumns` from the batch; unmatched rows are inserted. Without a
    /// unique key nothing matches and the batch is appended, as in dbt.
    func merge(updateColumns: [String]) -> [String] {
        let (dest, source) = (IncrementalSQL.destination, IncrementalSQL.source)
        let keyMatch = uniqueKey.isEmpty ? ["false"] : uniqueKey.map { "\(source).\(dialect.quote($0)) = \(dest).\(dialect.quote($0))" }
        let on = (keyMatch + predicates.map { "(\($0))" }).joined(separator: " and ")
        let assignments = updateColumns.map { "\(dialect.quote($0)) = \(source).\(dialect.quote($0))" }.joined(separator: ", ")
        let sourceColumns = columns.map { "\(source).\(dialect.quote($0))" }.joined(separator: ", ")
        if usesMerge {
            var statement = "merge into \(dialect.render(target)) as \(dest)\nusing \(dialect.render(staged)) as \(source)\non \(on)\n"
            if !uniqueKey.isEmpty && !updateColumns.isEmpty { statement += "when matched then update set \(assignments)\n" }
            statement += "when not matched then insert (\(list(columns))) values (\(sourceColumns))"
            return [statement]
        }
        var statements: [String] = []
        if !uniqueKey.isEmpty && !updateColumns.isEmpty {
            statements.append("update \(dialect.render(target)) as \(dest) set \(assignments)\nfrom \(dialect.render(staged)) as \(source) where \(on)")
        }
        statements.append("insert into \(dialect.render(target)) (\(list(columns)))\nselect \(sourceColumns) from \(dialect.render(staged)) as \(source)\n"
                          + "where not exists (select 1 from \(dialect.render(target)) as \(dest) where \(on))")
        return statements
    }

    private func list(_ names: [String]) -> String {
        names.map(dialect.quote).joined(separator: ", ")
    }
}
