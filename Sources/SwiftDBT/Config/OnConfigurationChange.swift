/// dbt's `on_configuration_change` values (materialized views): apply the change, leave the relation, or fail.
public enum OnConfigurationChange: String, Sendable, CaseIterable {
    case apply, `continue`, fail
}
