/// The error of an incremental model whose columns changed while its `on_schema_change` is `fail`, worded as
/// dbt-core 1.10 words it (recorded in Tests/Fixtures/reference/on-schema-change-fail.json by
/// scripts/record-on-schema-change-fail.py): the ways to reconcile the schemas, then the columns the new query
/// has that the table lacks and the reverse, each in its adapter's column text (`PostgresColumn(column='a', ...)`),
/// then the macros the failure went through. The built-in `process_schema_changes` macro raises the same text.
enum SchemaChangeFailure {
    /// The failure of `node`, the columns given as their `ColumnObject.display`. swiftdbt compares names only,
    /// so no column types are listed as changed.
    static func error(_ node: ProjectNode, added: [String], removed: [String]) -> DBTError {
        let chain = [
            "",
            "> in macro process_schema_changes (macros/materializations/models/incremental/on_schema_change.sql)",
            "> called by macro materialization_incremental_default (macros/materializations/models/incremental/incremental.sql)",
            "> called by \(node.resourceType.rawValue) \(node.name) (\(node.originalFilePath))",
        ]
        return DBTError(.compilation, message(added: added, removed: removed) + "\n" + chain.joined(separator: "\n"))
    }

    /// The message itself: a first empty line, the text indented as dbt's macro leaves it, a last line of spaces.
    private static func message(added: [String], removed: [String]) -> String {
        func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
        let body = [
            "The source and target schemas on this incremental model are out of sync!",
            "They can be reconciled in several ways:",
            "  - set the `on_schema_change` config to either append_new_columns or sync_all_columns, depending on your situation.",
            "  - Re-run the incremental model with `full_refresh: True` to update the target schema.",
            "  - update the schema manually and re-run the process.",
            "",
            "Additional troubleshooting context:",
            "   Source columns not in target: \(list(added))",
            "   Target columns not in source: \(list(removed))",
            "   New column types: []",
        ]
        let indent = String(repeating: " ", count: 14)
        return "\n" + body.map { $0.isEmpty ? "" : indent + $0 }.joined(separator: "\n") + "\n" + String(repeating: " ", count: 10)
    }
}
