/// A node of the project graph as graph algorithms and selection see it.
public struct GraphNode: Sendable {
    /// dbt's unique ID: `model.jaffle_shop.customers`, `source.jaffle_shop.raw.orders`, `test.pkg.unique_orders_id.abc123`.
    public var uniqueID: String
    public var name: String
    public var resourceType: ResourceType
    public var packageName: String
    /// dbt's fully qualified name: package, folders under the resource path, then the name.
    public var fqn: [String]
    /// The defining file relative to the project root (`models/staging/stg_orders.sql`).
    public var originalFilePath: String
    public var tags: [String]
    /// The node's resolved config (`materialized`, `enabled`, `schema`, `severity`, ...).
    public var config: [(key: String, value: ConfigValue)]
    /// Unique IDs of the nodes this one reads (`ref`, `source`); for tests, the nodes they test.
    public var dependsOn: [String]
    /// For sources: the source's name (`raw` in `source('raw', 'orders')`).
    public var sourceName: String?
    /// For tests: generic (from YAML) or singular (a SQL file in the test paths).
    public var testKind: TestKind?
    /// For generic tests: the test's name (`unique`, `not_null`, `accepted_values`, a custom one).
    public var testName: String?
    /// For generic tests: the unique ID of the model, seed or source the test is attached to.
    public var attachedNode: String?
    /// For a model of a `versions:` block: its version and the latest one.
    public var version: ModelVersion?

    /// Whether a test came from YAML (generic) or a SQL file (singular).
    public enum TestKind: String, Sendable {
        case generic, singular
    }

    public init(uniqueID: String, name: String, resourceType: ResourceType, packageName: String,
                fqn: [String], originalFilePath: String, tags: [String] = [],
                config: [(key: String, value: ConfigValue)] = [], dependsOn: [String] = [],
                sourceName: String? = nil, testKind: TestKind? = nil, testName: String? = nil,
                attachedNode: String? = nil, version: ModelVersion? = nil) {
        self.uniqueID = uniqueID
        self.name = name
        self.resourceType = resourceType
        self.packageName = packageName
        self.fqn = fqn
        self.originalFilePath = originalFilePath
        self.tags = tags
        self.config = config
        self.dependsOn = dependsOn
        self.sourceName = sourceName
        self.testKind = testKind
        self.testName = testName
        self.attachedNode = attachedNode
        self.version = version
    }

    /// A config value by key (`config.materialized:table` selection reads these).
    public func configValue(_ key: String) -> ConfigValue? {
        config.last(where: { $0.key == key })?.value
    }
}
