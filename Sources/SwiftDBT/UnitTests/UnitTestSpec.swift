/// A `unit_tests:` entry of a property file (dbt 1.8+): a model's SQL checked against given input rows.
struct UnitTestSpec: Sendable {
    /// How rows are written: `dict` (a list of mappings, dbt's default), `csv` or `sql` (text).
    enum RowFormat: String, Sendable {
        case dict, csv, sql
    }

    /// Where rows come from: written inline under `rows:`, or a file named by `fixture:` under `<test-path>/fixtures`.
    enum RowSource: Sendable {
        case inline(ConfigValue)
        case fixture(String)
    }

    /// The rows of a `given` input or of `expect`.
    struct Rows: Sendable {
        var format: RowFormat
        /// Nil for a `dict` input written without rows or fixture (dbt then reads the seed of that name).
        var source: RowSource?
        /// The `fixture:` value, or the entry when there is none.
        var location: FileLocation
        /// The line at `location`, quoted under an error.
        var sourceLine: String?
    }

    /// One `given` entry: `input: ref('m')`, `source('s', 't')` or `this`, and its rows.
    struct Given: Sendable {
        var input: String
        var rows: Rows
    }

    var name: String
    /// The name of the model under test.
    var model: String
    var given: [Given]
    var expect: Rows
    /// `overrides:` as written (`macros`, `vars`, `env_vars`).
    var overrides: ConfigValue
    /// `versions:` as written (`include` or `exclude`: the versions of a versioned model to test); null when absent.
    var versions: ConfigValue = .null
    var config: [(key: String, value: ConfigValue)]
    var description: String
    var location: FileLocation
    /// The line at `location`, quoted under an error.
    var sourceLine: String?
    var file: String
}

extension UnitTestSpec {
    /// The versions `versions:` lists under `key` (`include`, `exclude`), as text; nil when it lists none.
    func versionList(_ key: String) -> [String]? {
        guard case .list(let items)? = versions[key], !items.isEmpty else { return nil }
        return items.map { item in
            switch item {
            case .int(let number): return String(number)
            case .string(let text): return text
            default: return String(describing: item)
            }
        }
    }
}
