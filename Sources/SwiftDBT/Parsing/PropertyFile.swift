/// What a property YAML file (`version: 2`) says about models, seeds, sources and unit tests.
struct PropertyFile: Sendable {
    /// Warnings from reading the file (keys written twice).
    var warnings: [String] = []
    /// A `models:` or `seeds:` entry.
    struct ResourcePatch: Sendable {
        /// The fields in one copy-on-write box: an entry is copied into lookups by name and wherever a node is made
        /// from it, and a copy is then one reference count.
        private var box: CopyOnWrite<Fields>

        private struct Fields {
            var name: String
            var description: String
            var descriptionAt: FileLocation?
            var config: [(key: String, value: ConfigValue)]
            var columns: [ColumnPatch]
            var tests: [TestSpec]
            var constraints: [ModelConstraint] = []
            var versions: [VersionPatch] = []
            var latestVersion: String?
            var timeSpine: ConfigValue?
            var relation: String?
            var relationAt: FileLocation?
            var location: FileLocation
            var file: String
        }

        init(name: String, description: String, descriptionAt: FileLocation?, config: [(key: String, value: ConfigValue)],
             columns: [ColumnPatch], tests: [TestSpec], location: FileLocation, file: String) {
            box = CopyOnWrite(Fields(name: name, description: description, descriptionAt: descriptionAt, config: config, columns: columns,
                                     tests: tests, location: location, file: file))
        }

        var name: String {
            _read { yield box.fields.name }
            _modify { yield &box.fields.name }
        }

        var description: String {
            _read { yield box.fields.description }
            _modify { yield &box.fields.description }
        }

        /// Where `description:` is written, for errors while rendering it.
        var descriptionAt: FileLocation? {
            _read { yield box.fields.descriptionAt }
            _modify { yield &box.fields.descriptionAt }
        }

        var config: [(key: String, value: ConfigValue)] {
            _read { yield box.fields.config }
            _modify { yield &box.fields.config }
        }

        var columns: [ColumnPatch] {
            _read { yield box.fields.columns }
            _modify { yield &box.fields.columns }
        }

        var tests: [TestSpec] {
            _read { yield box.fields.tests }
            _modify { yield &box.fields.tests }
        }

        /// A model's own `constraints:` (over several columns).
        var constraints: [ModelConstraint] {
            _read { yield box.fields.constraints }
            _modify { yield &box.fields.constraints }
        }

        /// A model's `versions:` entries, and its `latest_version`.
        var versions: [VersionPatch] {
            _read { yield box.fields.versions }
            _modify { yield &box.fields.versions }
        }

        var latestVersion: String? {
            _read { yield box.fields.latestVersion }
            _modify { yield &box.fields.latestVersion }
        }

        /// A model's `time_spine:` as graph and manifest give it.
        var timeSpine: ConfigValue? {
            _read { yield box.fields.timeSpine }
            _modify { yield &box.fields.timeSpine }
        }

        /// A snapshot defined in YAML: the `ref(...)` or `source(...)` it snapshots, and where that is written.
        var relation: String? {
            _read { yield box.fields.relation }
            _modify { yield &box.fields.relation }
        }

        var relationAt: FileLocation? {
            _read { yield box.fields.relationAt }
            _modify { yield &box.fields.relationAt }
        }

        var location: FileLocation {
            _read { yield box.fields.location }
            _modify { yield &box.fields.location }
        }

        var file: String {
            _read { yield box.fields.file }
            _modify { yield &box.fields.file }
        }

        /// The entry of `version` under `versions:`.
        func versionPatch(_ version: String?) -> VersionPatch? {
            version.flatMap { version in versions.first { $0.v == version } }
        }

        /// The columns of a version (of the model when nil), as dbt lists them: the model's the version
        /// includes, then the version's own (tests run for both when a name is in both).
        func columns(version: String?) -> [ColumnPatch] {
            guard let patch = versionPatch(version) else { return columns }
            return columns.filter { (patch.include?.contains($0.name) ?? true) && !patch.exclude.contains($0.name) } + patch.columns
        }

        /// The model-level data tests of a version (of the model when nil).
        func tests(version: String?) -> [TestSpec] {
            versionPatch(version)?.tests ?? tests
        }
    }

    /// One entry of a model's `versions:`.
    struct VersionPatch: Sendable {
        /// `v`, as text.
        var v: String
        /// The file's name without `.sql` (`defined_in`), if not `<model>_v<v>`.
        var definedIn: String?
        var description: String?
        var config: [(key: String, value: ConfigValue)]
        /// The model's columns this version keeps: nil for all (`include: all`, or no `include`).
        var include: Set<String>?
        var exclude: Set<String>
        /// Columns the version describes itself (replacing the model's of the same name).
        var columns: [ColumnPatch]
        /// The version's own model-level `constraints:`; when it lists none, the model's apply (as in dbt).
        var constraints: [ModelConstraint] = []
        var deprecationDate: String?
        /// The model's data tests this version runs: its own when it lists any (even none).
        var tests: [TestSpec]?
        var location: FileLocation
    }

    /// A column entry with its tests.
    struct ColumnPatch: Sendable {
        var name: String
        var description: String
        /// Where `description:` is written, for errors while rendering it.
        var descriptionAt: FileLocation?
        var dataType: String?
        var meta: ConfigValue
        var tests: [TestSpec]
        /// The column's `constraints:` and `quote:`.
        var constraints: [ModelConstraint] = []
        var quote: Bool?
        /// `granularity:`, the time grain of a time spine's column (dbt 1.10).
        var granularity: String?
    }

    /// One generic test as written under `data_tests:`/`tests:`.
    struct TestSpec: Sendable {
        /// `unique`, or `dbt_utils.expression_is_true`.
        var name: String
        var arguments: [(key: String, value: ConfigValue)]
        var config: [(key: String, value: ConfigValue)]
        /// An explicit `name:` for the test node.
        var customName: String?
        var location: FileLocation
        /// The `tags:` of what the test is written under (its column; a source's test also its source's and
        /// table's), which dbt gives the test.
        var inheritedTags: [String] = []
    }

    /// A `sources:` entry's table.
    struct SourceTablePatch: Sendable {
        var sourceName: String
        var name: String
        var identifier: String
        var schema: String
        var database: String?
        var loader: String
        /// The source's own description (`description` is the table's).
        var sourceDescription: String
        var description: String
        /// Where `description:` is written, for errors while rendering it.
        var descriptionAt: FileLocation?
        var config: [(key: String, value: ConfigValue)]
        var columns: [ColumnPatch]
        var tests: [TestSpec]
        var location: FileLocation
        var file: String
        /// The table's `quoting:` over its source's.
        var quoting: QuotingConfig
    }

    /// A `macros:` entry: the macro's description and its documented arguments.
    struct MacroPatch: Sendable {
        var name: String
        var description: String
        var descriptionAt: FileLocation?
        var arguments: [MacroArgument]
        var file: String
    }

    /// An `exposures:` entry: a downstream use of the project (a dashboard, a notebook, ...).
    struct ExposurePatch: Sendable {
        var name: String
        var type: String
        var label: String?
        var ownerName: String?
        var ownerEmail: String?
        var description: String
        var descriptionAt: FileLocation?
        /// `ref('x')` / `source('a', 'b')` texts, each with its place.
        var dependsOn: [(text: String, location: FileLocation)]
        var url: String?
        var maturity: String?
        /// `tags` and `meta` as written beside its `config:`.
        var tags: [String]
        var meta: ConfigValue
        /// Its `config:` as written.
        var config: [(key: String, value: ConfigValue)]
        var location: FileLocation
        var file: String
    }

    /// A `groups:` entry.
    struct GroupPatch: Sendable {
        var name: String
        var owner: ConfigValue
        var description: String?
        var meta: ConfigValue
        var location: FileLocation
        var file: String
    }

    var groups: [GroupPatch] = []
    var models: [ResourcePatch] = []
    var exposures: [ExposurePatch] = []
    var macros: [MacroPatch] = []
    var seeds: [ResourcePatch] = []
    /// `snapshots:` entries: properties of `{% snapshot %}` blocks, or snapshots of their own (with `relation:`).
    var snapshots: [ResourcePatch] = []
    var sources: [SourceTablePatch] = []
    var unitTests: [UnitTestSpec] = []
    var semanticModels: [SemanticModel] = []
    var metrics: [Metric] = []
    var savedQueries: [SavedQuery] = []

    /// Records `path` (relative to the package root) as the file every entry came from.
    mutating func relocate(to path: String) {
        for i in models.indices { models[i].file = path }
        for i in seeds.indices { seeds[i].file = path }
        for i in snapshots.indices { snapshots[i].file = path }
        for i in sources.indices { sources[i].file = path }
        for i in macros.indices { macros[i].file = path }
        for i in exposures.indices { exposures[i].file = path }
        for i in unitTests.indices { unitTests[i].file = path }
        for i in groups.indices { groups[i].file = path }
        for i in semanticModels.indices { semanticModels[i].originalFilePath = path }
        for i in metrics.indices { metrics[i].originalFilePath = path }
        for i in savedQueries.indices { savedQueries[i].originalFilePath = path }
    }
}
