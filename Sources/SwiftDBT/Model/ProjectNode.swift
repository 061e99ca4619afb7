import Jinja

/// A model, seed, test, analysis or snapshot of a project, as parsing and compilation see it.
public struct ProjectNode: Sendable {
    /// The node's fields live in one reference-counted box, copied on write: a node is copied wherever a phase reads
    /// it from an array (40,000 of them on a 10,000-model project, several times over), and a copy of the box is one
    /// reference count where a copy of the fields was some forty, several of them on strings every node shares.
    /// Fields are read in place (`_read`): `node.test?.name` copies the name, not the whole test.
    private var box: CopyOnWrite<Fields>

    private struct Fields {
        var uniqueID: String
        var resourceType: ResourceType
        var name: String
        var packageName: String
        var path: String
        var originalFilePath: String
        var packageRoot: String
        var fqn: [String]
        var rawCode: String
        var language: ModelLanguage = .sql
        var config: NodeConfig
        var description: String = ""
        var columns: [ColumnInfo] = []
        var constraints: [ModelConstraint] = []
        var timeSpine: ConfigValue?
        var version: ModelVersion?
        var refs: [Reference] = []
        var sources: [SourceReference] = []
        var dependsOn: [String] = []
        var macroCalls: [String] = []
        var relation: RelationName?
        var namedRelation: RelationName?
        var test: TestMetadata?
        var unitTest: UnitTestCase?
        var template: Template?
        var checksum: FileChecksum = .none
        var patchPath: String?
        var unrenderedConfig: NodeConfig = NodeConfig()
        var definedAt: FileLocation
    }

    public init(uniqueID: String, resourceType: ResourceType, name: String, packageName: String, path: String,
                originalFilePath: String, packageRoot: String, fqn: [String], rawCode: String, config: NodeConfig,
                definedAt: FileLocation) {
        box = CopyOnWrite(Fields(uniqueID: uniqueID, resourceType: resourceType, name: name, packageName: packageName, path: path,
                         originalFilePath: originalFilePath, packageRoot: packageRoot, fqn: fqn, rawCode: rawCode,
                         config: config, definedAt: definedAt))
    }

    public var uniqueID: String {
        _read { yield box.fields.uniqueID }
        _modify { yield &box.fields.uniqueID }
    }
    public var resourceType: ResourceType {
        _read { yield box.fields.resourceType }
        _modify { yield &box.fields.resourceType }
    }
    public var name: String {
        _read { yield box.fields.name }
        _modify { yield &box.fields.name }
    }
    public var packageName: String {
        _read { yield box.fields.packageName }
        _modify { yield &box.fields.packageName }
    }
    /// The file relative to its resource folder (`staging/stg_orders.sql`).
    public var path: String {
        _read { yield box.fields.path }
        _modify { yield &box.fields.path }
    }
    /// The file relative to the package root (`models/staging/stg_orders.sql`).
    public var originalFilePath: String {
        _read { yield box.fields.originalFilePath }
        _modify { yield &box.fields.originalFilePath }
    }
    /// The package's root folder.
    public var packageRoot: String {
        _read { yield box.fields.packageRoot }
        _modify { yield &box.fields.packageRoot }
    }
    public var fqn: [String] {
        _read { yield box.fields.fqn }
        _modify { yield &box.fields.fqn }
    }
    public var rawCode: String {
        _read { yield box.fields.rawCode }
        _modify { yield &box.fields.rawCode }
    }
    /// `python` for a `.py` model.
    public var language: ModelLanguage {
        _read { yield box.fields.language }
        _modify { yield &box.fields.language }
    }
    public var config: NodeConfig {
        _read { yield box.fields.config }
        _modify { yield &box.fields.config }
    }
    public var description: String {
        _read { yield box.fields.description }
        _modify { yield &box.fields.description }
    }
    public var columns: [ColumnInfo] {
        _read { yield box.fields.columns }
        _modify { yield &box.fields.columns }
    }
    /// A model's own `constraints:` (its columns' are in `columns`).
    public var constraints: [ModelConstraint] {
        _read { yield box.fields.constraints }
        _modify { yield &box.fields.constraints }
    }
    /// A model's `time_spine:` (`standard_granularity_column`, `custom_granularities`); nil when not written.
    public var timeSpine: ConfigValue? {
        _read { yield box.fields.timeSpine }
        _modify { yield &box.fields.timeSpine }
    }
    /// For a model of a `versions:` block: its version and the latest one.
    public var version: ModelVersion? {
        _read { yield box.fields.version }
        _modify { yield &box.fields.version }
    }
    /// `ref()` calls found while parsing, in order.
    public var refs: [Reference] {
        _read { yield box.fields.refs }
        _modify { yield &box.fields.refs }
    }
    /// `source()` calls found while parsing, in order.
    public var sources: [SourceReference] {
        _read { yield box.fields.sources }
        _modify { yield &box.fields.sources }
    }
    /// Unique IDs of the nodes this one depends on, resolved after parsing.
    public var dependsOn: [String] {
        _read { yield box.fields.dependsOn }
        _modify { yield &box.fields.dependsOn }
    }
    /// Macros the node called while parsing (unique IDs).
    public var macroCalls: [String] {
        _read { yield box.fields.macroCalls }
        _modify { yield &box.fields.macroCalls }
    }
    /// Where the database object lives (not for tests and ephemeral models).
    public var relation: RelationName? {
        _read { yield box.fields.relation }
        _modify { yield &box.fields.relation }
    }
    /// The database, schema and alias dbt's naming macros give the node, tests and ephemeral models
    /// included (the manifest's `database`, `schema` and `alias`).
    public var namedRelation: RelationName? {
        _read { yield box.fields.namedRelation }
        _modify { yield &box.fields.namedRelation }
    }
    /// For generic tests: what the test is and what it is attached to.
    public var test: TestMetadata? {
        _read { yield box.fields.test }
        _modify { yield &box.fields.test }
    }
    /// For a unit test: its `unit_tests:` entry and the model it tests.
    var unitTest: UnitTestCase? {
        _read { yield box.fields.unitTest }
        _modify { yield &box.fields.unitTest }
    }
    /// The parsed template (nil for seeds).
    public var template: Template? {
        _read { yield box.fields.template }
        _modify { yield &box.fields.template }
    }
    /// What dbt records of the node's file to tell a changed node (`none` for generic tests).
    public var checksum: FileChecksum {
        _read { yield box.fields.checksum }
        _modify { yield &box.fields.checksum }
    }
    /// The property file that describes the node, relative to its package root.
    public var patchPath: String? {
        _read { yield box.fields.patchPath }
        _modify { yield &box.fields.patchPath }
    }
    /// The settings the project gives the node (dbt_project.yml, its property file, its `config()`
    /// call), without defaults: dbt's `unrendered_config`, except that Jinja in them is rendered.
    public var unrenderedConfig: NodeConfig {
        _read { yield box.fields.unrenderedConfig }
        _modify { yield &box.fields.unrenderedConfig }
    }
    /// Where the node is defined, for messages (`models/x.sql:1:1`, or the YAML line of a generic test).
    public var definedAt: FileLocation {
        _read { yield box.fields.definedAt }
        _modify { yield &box.fields.definedAt }
    }

    /// A `ref('package', 'name', v=1)` call.
    public struct Reference: Sendable, Hashable {
        public var package: String?
        public var name: String
        public var version: String?
        public var location: FileLocation?
    }

    /// A `source('source', 'table')` call.
    public struct SourceReference: Sendable, Hashable {
        public var source: String
        public var table: String
        public var location: FileLocation?
    }

    /// A column described in YAML.
    public struct ColumnInfo: Sendable {
        public var name: String
        public var description: String
        public var dataType: String?
        public var meta: ConfigValue
        public var constraints: [ModelConstraint] = []
        /// `quote:`: whether DDL quotes the name (nil when not written).
        public var quote: Bool?
        /// `granularity:`: the time grain of a time spine's column (nil when not written).
        public var granularity: String?
    }
}

/// What a generic test node tests.
public struct TestMetadata: Sendable {
    /// The fields in one copy-on-write box, as a node's: a test's metadata is read wherever its node is compiled,
    /// linked or written, and a copy is then one reference count.
    private var box: CopyOnWrite<Fields>

    private struct Fields {
        var name: String
        var namespace: String?
        var kwargs: [(key: String, value: ConfigValue)]
        var columnName: String?
        var attachedNode: String?
        var propertyConfigKeys: Set<String> = []
        var attachedVersion: String?
        var modelArgument: String?
    }

    public init(name: String, namespace: String?, kwargs: [(key: String, value: ConfigValue)], columnName: String?,
                attachedNode: String?) {
        box = CopyOnWrite(Fields(name: name, namespace: namespace, kwargs: kwargs, columnName: columnName, attachedNode: attachedNode))
    }

    /// The test's name (`unique`, `accepted_values`, a custom generic test).
    public var name: String {
        _read { yield box.fields.name }
        _modify { yield &box.fields.name }
    }

    /// The package namespace when written as `dbt_utils.expression_is_true`.
    public var namespace: String? {
        _read { yield box.fields.namespace }
        _modify { yield &box.fields.namespace }
    }

    /// The arguments, `model` excluded, and `column_name` when it is `columnName` (a column's test); a
    /// model's test may pass `column_name` as an argument like any other.
    public var kwargs: [(key: String, value: ConfigValue)] {
        _read { yield box.fields.kwargs }
        _modify { yield &box.fields.kwargs }
    }

    public var columnName: String? {
        _read { yield box.fields.columnName }
        _modify { yield &box.fields.columnName }
    }

    /// The unique ID of the model, seed or source under test.
    public var attachedNode: String? {
        _read { yield box.fields.attachedNode }
        _modify { yield &box.fields.attachedNode }
    }

    /// The config keys the test's properties set: the test macro's `config()` calls do not override them.
    public var propertyConfigKeys: Set<String> {
        _read { yield box.fields.propertyConfigKeys }
        _modify { yield &box.fields.propertyConfigKeys }
    }

    /// The version of the model under test, when it is one of a `versions:` block.
    public var attachedVersion: String? {
        _read { yield box.fields.attachedVersion }
        _modify { yield &box.fields.attachedVersion }
    }

    /// The `model` argument dbt passes the test macro, `{{ get_where_subquery(ref('orders')) }}`; the manifest's
    /// `test_metadata.kwargs` end with it.
    public var modelArgument: String? {
        _read { yield box.fields.modelArgument }
        _modify { yield &box.fields.modelArgument }
    }
}
