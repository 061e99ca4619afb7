/// A node of the project graph as graph algorithms and selection see it.
public struct GraphNode: Sendable {
    /// The fields in one copy-on-write box: selection and the graph copy nodes into their own arrays (40,000 on a
    /// 10,000-model project), and a copy is then one reference count.
    private var box: CopyOnWrite<Fields>

    private struct Fields {
        var uniqueID: String
        var name: String
        var resourceType: ResourceType
        var packageName: String
        var fqn: [String]
        var originalFilePath: String
        var tags: [String]
        var config: [(key: String, value: ConfigValue)]
        var dependsOn: [String]
        var sourceName: String?
        var testKind: TestKind?
        var testName: String?
        var attachedNode: String?
        var version: ModelVersion?
    }

    /// Whether a test came from YAML (generic) or a SQL file (singular).
    public enum TestKind: String, Sendable {
        case generic, singular
    }

    public init(uniqueID: String, name: String, resourceType: ResourceType, packageName: String,
                fqn: [String], originalFilePath: String, tags: [String] = [],
                config: [(key: String, value: ConfigValue)] = [], dependsOn: [String] = [],
                sourceName: String? = nil, testKind: TestKind? = nil, testName: String? = nil,
                attachedNode: String? = nil, version: ModelVersion? = nil) {
        box = CopyOnWrite(Fields(uniqueID: uniqueID, name: name, resourceType: resourceType, packageName: packageName, fqn: fqn,
                                 originalFilePath: originalFilePath, tags: tags, config: config, dependsOn: dependsOn,
                                 sourceName: sourceName, testKind: testKind, testName: testName, attachedNode: attachedNode,
                                 version: version))
    }

    /// dbt's unique ID: `model.jaffle_shop.customers`, `source.jaffle_shop.raw.orders`, `test.pkg.unique_orders_id.abc123`.
    public var uniqueID: String {
        _read { yield box.fields.uniqueID }
        _modify { yield &box.fields.uniqueID }
    }
    public var name: String {
        _read { yield box.fields.name }
        _modify { yield &box.fields.name }
    }
    public var resourceType: ResourceType {
        _read { yield box.fields.resourceType }
        _modify { yield &box.fields.resourceType }
    }
    public var packageName: String {
        _read { yield box.fields.packageName }
        _modify { yield &box.fields.packageName }
    }
    /// dbt's fully qualified name: package, folders under the resource path, then the name.
    public var fqn: [String] {
        _read { yield box.fields.fqn }
        _modify { yield &box.fields.fqn }
    }
    /// The defining file relative to the project root (`models/staging/stg_orders.sql`).
    public var originalFilePath: String {
        _read { yield box.fields.originalFilePath }
        _modify { yield &box.fields.originalFilePath }
    }
    public var tags: [String] {
        _read { yield box.fields.tags }
        _modify { yield &box.fields.tags }
    }
    /// The node's resolved config (`materialized`, `enabled`, `schema`, `severity`, ...).
    public var config: [(key: String, value: ConfigValue)] {
        _read { yield box.fields.config }
        _modify { yield &box.fields.config }
    }
    /// Unique IDs of the nodes this one reads (`ref`, `source`); for tests, the nodes they test.
    public var dependsOn: [String] {
        _read { yield box.fields.dependsOn }
        _modify { yield &box.fields.dependsOn }
    }
    /// For sources: the source's name (`raw` in `source('raw', 'orders')`).
    public var sourceName: String? {
        _read { yield box.fields.sourceName }
        _modify { yield &box.fields.sourceName }
    }
    /// For tests: generic (from YAML) or singular (a SQL file in the test paths).
    public var testKind: TestKind? {
        _read { yield box.fields.testKind }
        _modify { yield &box.fields.testKind }
    }
    /// For generic tests: the test's name (`unique`, `not_null`, `accepted_values`, a custom one).
    public var testName: String? {
        _read { yield box.fields.testName }
        _modify { yield &box.fields.testName }
    }
    /// For generic tests: the unique ID of the model, seed or source the test is attached to.
    public var attachedNode: String? {
        _read { yield box.fields.attachedNode }
        _modify { yield &box.fields.attachedNode }
    }
    /// For a model of a `versions:` block: its version and the latest one.
    public var version: ModelVersion? {
        _read { yield box.fields.version }
        _modify { yield &box.fields.version }
    }

    /// A config value by key (`config.materialized:table` selection reads these).
    public func configValue(_ key: String) -> ConfigValue? {
        config.last(where: { $0.key == key })?.value
    }
}
