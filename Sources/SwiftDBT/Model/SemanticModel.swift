/// A `semantic_models:` entry: a model's entities, dimensions and measures for the semantic layer,
/// with the node it is built on.
public struct SemanticModel: Sendable {
    /// `semantic_model.<package>.<name>`.
    public var uniqueID: String
    public var name: String
    public var packageName: String
    /// The property file, relative to the package root.
    public var originalFilePath: String
    /// `model:` as written (`ref('orders')`), and where.
    public var model: String
    public var modelAt: FileLocation
    public var description: String?
    public var label: String?
    /// Measure names, which metrics name as their inputs.
    public var measureNames: [String]
    /// `defaults`, `entities`, `measures`, `dimensions`, `primary_entity` in the manifest's shape.
    public var definition: [(key: String, value: ConfigValue)]
    /// `config.enabled`, `config.group`, `config.meta`.
    public var enabled: Bool
    public var group: String?
    public var meta: ConfigValue
    /// Its `config:` as written (the manifest's `unrendered_config`).
    public var unrenderedConfig: ConfigValue = .dict([])
    /// The `ref()` of `model`, resolved by the manifest builder.
    public var ref: ProjectNode.Reference?
    /// The unique ID `model` names, and the node's relation as the manifest's `node_relation`.
    public var dependsOn: [String] = []
    public var nodeRelation: ConfigValue = .null
    public var location: FileLocation
}
