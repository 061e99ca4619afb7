/// A `saved_queries:` entry: metrics grouped by dimensions, with the exports that materialize it.
public struct SavedQuery: Sendable {
    /// `saved_query.<package>.<name>`.
    public var uniqueID: String
    public var name: String
    public var packageName: String
    /// The property file, relative to the package root.
    public var originalFilePath: String
    public var description: String?
    public var label: String?
    /// The metric names of `query_params.metrics`.
    public var metrics: [String]
    /// `query_params` in the manifest's shape.
    public var queryParams: ConfigValue
    /// Each export: its name and its `config` as written.
    public var exports: [(name: String, config: [(key: String, value: ConfigValue)])]
    /// `config` as written (`export_as`, `schema`, `cache`), and `enabled`, `group`, `meta`.
    public var config: [(key: String, value: ConfigValue)]
    public var enabled: Bool
    public var group: String?
    public var meta: ConfigValue
    public var tags: [String]
    /// Unique IDs of its metrics.
    public var dependsOn: [String] = []
    public var location: FileLocation
}
