/// What a property YAML file (`version: 2`) says about models, seeds, sources and unit tests.
struct PropertyFile: Sendable {
    /// Warnings from reading the file (keys written twice).
    var warnings: [String] = []
    /// A `models:` or `seeds:` entry.
    struct ResourcePatch: Sendable {
        var name: String
        var description: String
        /// Where `description:` is written, for errors while rendering it.
        var descriptionAt: FileLocation?
        var config: [(key: String, value: ConfigValue)]
        var columns: [ColumnPatch]
        var tests: [TestSpec]
        var location: FileLocation
        var file: String
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
        var tags: [String]
        var meta: ConfigValue
        var location: FileLocation
        var file: String
    }

    var models: [ResourcePatch] = []
    var exposures: [ExposurePatch] = []
    var macros: [MacroPatch] = []
    var seeds: [ResourcePatch] = []
    var sources: [SourceTablePatch] = []
    var unitTests: [UnitTestSpec] = []

    /// Records `path` (relative to the package root) as the file every entry came from.
    mutating func relocate(to path: String) {
        for i in models.indices { models[i].file = path }
        for i in seeds.indices { seeds[i].file = path }
        for i in sources.indices { sources[i].file = path }
        for i in macros.indices { macros[i].file = path }
        for i in exposures.indices { exposures[i].file = path }
        for i in unitTests.indices { unitTests[i].file = path }
    }
}
