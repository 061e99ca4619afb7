/// Version strings templates and artifacts report.
public enum SwiftDBTVersion {
    /// swiftdbt's own version.
    public static let current = "0.1.0"
    /// The dbt-core version swiftdbt follows (`dbt_version` in templates, artifact metadata).
    public static let dbtCompatible = "1.10.23"
}
