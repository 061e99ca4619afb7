/// dbt's `on_schema_change` values.
public enum OnSchemaChange: String, Sendable, CaseIterable {
    case ignore, fail
    case appendNewColumns = "append_new_columns"
    case syncAllColumns = "sync_all_columns"
}
