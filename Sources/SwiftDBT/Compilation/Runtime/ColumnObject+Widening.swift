/// What `adapter.expand_target_column_types` runs, shared by the adapter method and the incremental fast path, and
/// the column type changes of `on_schema_change: sync_all_columns` on the fast path.
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
            statements += retyping(column.name, to: "character varying(\(try wider.stringSize()))", of: table, dialect: dialect)
        }
        return statements
    }

    /// The columns of `current` whose type differs from their namesake's in `goal` (a string column `current`
    /// holds wider is no change), with the goal's `data_type`, in the goal's column order: dbt's
    /// `diff_column_data_types`, what `on_schema_change: sync_all_columns` gives a new type.
    static func typeChanges(_ current: [ColumnObject], to goal: [ColumnObject]) throws -> [(column: String, type: String)] {
        let byName = Dictionary(current.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return try goal.compactMap { incoming in
            guard let column = byName[incoming.name], incoming.dataType != column.dataType,
                  try !incoming.canExpand(to: column) else { return nil }
            return (column.name, incoming.dataType)
        }
    }

    /// dbt's `alter_column_type`: a new column of `type` under a temporary name, filled from `column`, which is
    /// dropped with what depends on it, the new one renamed (so it moves to the end).
    static func retyping(_ column: String, to type: String, of table: String, dialect: any Dialect) -> [String] {
        let name = dialect.quote(column), temporary = dialect.quote(column + "__dbt_alter")
        return [
            "alter table \(table) add column \(temporary) \(type)",
            "update \(table) set \(temporary) = \(name)",
            "alter table \(table) drop column \(name) cascade",
            "alter table \(table) rename column \(temporary) to \(name)",
        ]
    }
}
