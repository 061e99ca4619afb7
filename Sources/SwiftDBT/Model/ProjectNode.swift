import Jinja

/// A model, seed, test, analysis or snapshot of a project, as parsing and compilation see it.
public struct ProjectNode: Sendable {
    public var uniqueID: String
    public var resourceType: ResourceType
    public var name: String
    public var packageName: String
    /// The file relative to its resource folder (`staging/stg_orders.sql`).
    public var path: String
    /// The file relative to the package root (`models/staging/stg_orders.sql`).
    public var originalFilePath: String
    /// The package's root folder.
    public var packageRoot: String
    public var fqn: [String]
    public var rawCode: String
    /// `python` for a `.py` model.
    public var language: ModelLanguage = .sql
    public var config: NodeConfig
    public var description: String = ""
    public var columns: [ColumnInfo] = []
    /// A model's own `constraints:` (its columns' are in `columns`).
    public var constraints: [ModelConstraint] = []
    /// A model's `time_spine:` (`standard_granularity_column`, `custom_granularities`); nil when not written.
    public var timeSpine: ConfigValue?
    /// For a model of a `versions:` block: its version and the latest one.
    public var version: ModelVersion?
    /// `ref()` calls found while parsing, in order.
    public var refs: [Reference] = []
    /// `source()` calls found while parsing, in order.
    public var sources: [SourceReference] = []
    /// Unique IDs of the nodes this one depends on, resolved after parsing.
    public var dependsOn: [String] = []
    /// Macros the node called while parsing (unique IDs).
    public var macroCalls: [String] = []
    /// Where the database object lives (not for tests and ephemeral models).
    public var relation: RelationName?
    /// The database, schema and alias dbt's naming macros give the node, tests and ephemeral models
    /// included (the manifest's `database`, `schema` and `alias`).
    public var namedRelation: RelationName?
    /// For generic tests: what the test is and what it is attached to.
    public var test: TestMetadata?
    /// For a unit test: its `unit_tests:` entry and the model it tests.
    var unitTest: UnitTestCase?
    /// The parsed template (nil for seeds).
    public var template: Template?
    /// What dbt records of the node's file to tell a changed node (`none` for generic tests).
    public var checksum: FileChecksum = .none
    /// The property file that describes the node, relative to its package root.
    public var patchPath: String?
    /// The settings the project gives the node (dbt_project.yml, its property file, its `config()`
    /// call), without defaults: dbt's `unrendered_config`, except that Jinja in them is rendered.
    public var unrenderedConfig = NodeConfig()
    /// Where the node is defined, for messages (`models/x.sql:1:1`, or the YAML line of a generic test).
    public var definedAt: FileLocation

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
    /// The test's name (`unique`, `accepted_values`, a custom generic test).
    public var name: String
    /// The package namespace when written as `dbt_utils.expression_is_true`.
    public var namespace: String?
    /// The arguments, `model` excluded, and `column_name` when it is `columnName` (a column's test); a
    /// model's test may pass `column_name` as an argument like any other.
    public var kwargs: [(key: String, value: ConfigValue)]
    public var columnName: String?
    /// The unique ID of the model, seed or source under test.
    public var attachedNode: String?
    /// The config keys the test's properties set: the test macro's `config()` calls do not override them.
    public var propertyConfigKeys: Set<String> = []
    /// The version of the model under test, when it is one of a `versions:` block.
    public var attachedVersion: String?
    /// The `model` argument dbt passes the test macro, `{{ get_where_subquery(ref('orders')) }}`; the manifest's
    /// `test_metadata.kwargs` end with it.
    public var modelArgument: String?
}
