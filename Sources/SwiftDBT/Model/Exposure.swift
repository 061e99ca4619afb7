/// A downstream use of the project's data (dashboard, notebook, analysis, ml, application) from an
/// `exposures:` property entry, with the nodes and sources it depends on.
public struct Exposure: Sendable {
    /// `exposure.<package>.<name>`.
    public var uniqueID: String
    public var name: String
    public var packageName: String
    public var type: String
    public var label: String?
    public var ownerName: String?
    public var ownerEmail: String?
    public var description: String
    public var url: String?
    public var maturity: String?
    public var tags: [String]
    public var meta: ConfigValue
    /// Its `config:` as written (the manifest's `unrendered_config`, which `state:modified` compares).
    public var unrenderedConfig: ConfigValue = .dict([])
    /// Unique IDs of the models, seeds, snapshots and sources it depends on.
    public var dependsOn: [String]
    /// The property file, relative to the package root.
    public var originalFilePath: String
    /// The `ref()`, `source()` and `metric()` calls of `depends_on`, as written.
    public var refs: [ProjectNode.Reference] = []
    public var sources: [[String]] = []
    public var metrics: [[String]] = []
    /// False when its `config:` or `dbt_project.yml` disables it: it is then listed under the manifest's `disabled`.
    public var enabled = true
}
