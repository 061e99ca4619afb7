/// What `adapter.expand_target_column_types` runs, shared by the adapter method and the incremental fast path.
extension ColumnObject {
    /// The statements that widen the string columns of `table` (its columns `current`) that `goal` holds wider, as
    /// dbt's SQL adapters expand a target's columns: each one (by `string_size()`, so `text` counts as 256) becomes
    /// `character varying(size)` through a new column filled from it, the old one dropped with what depends on it,
    /// and the new one renamed (so it moves to the end), in the goal's column order.
    static func widening(_ current: [ColumnObject], to goal: [ColumnObject], of table: String, dialect: any Dialect) throws -> [String] {
        let byName = Dictionary(current.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var statements: [String] = []
        for wider in goal {
            guard let column = byName[wider.name], column.isString, wider.isString,
                  try wider.stringSize() > column.stringSize() else { continue }
            let name = dialect.quote(column.name), temporary = dialect.quote(column.name + "__dbt_alter")
            statements += [
                "alter table \(table) add column \(temporary) character varying(\(try wider.stringSize()))",
                "update \(table) set \(temporary) = \(name)",
                "alter table \(table) drop column \(name) cascade",
                "alter table \(table) rename column \(temporary) to \(name)",
            ]
        }
        return statements
    }
}
