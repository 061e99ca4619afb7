/// What compilation needs from a database adapter: its dispatch name, quoting and relation naming.
///
/// Each adapter declares its differences here; nothing outside an adapter branches on its name.
public protocol Dialect: Sendable {
    /// The adapter type, also the macro dispatch prefix (`sqlite__`, `postgres__`).
    var type: String { get }
    /// Whether relation names carry the database part (`"db"."schema"."table"`).
    var includesDatabase: Bool { get }
    /// Whether `alter view ... rename` works (SQLite: no, so views are recreated instead).
    var canRenameViews: Bool { get }
    /// Whether dropping a replaced relation must cascade to the views that read it (PostgreSQL binds
    /// views to tables, not names; dbt-postgres drops the backup with `cascade`).
    var dropsCascade: Bool { get }
    /// Whether a server of `serverVersion` (the connection's, nil where there is no server) runs SQL's
    /// `MERGE` (PostgreSQL 15 and later); without it the `merge` incremental strategy runs as an update
    /// of matched rows and an insert of the others.
    func supportsMerge(serverVersion: Int?) -> Bool
    /// Whether a `microbatch` batch merges into the table on the model's `unique_key`, which it then
    /// requires (dbt-postgres); otherwise the batch replaces the rows of its event-time window.
    var microbatchMergesOnKey: Bool { get }
    /// Whether the database has roles and privileges for the `grants` config (SQLite has none:
    /// grants are not applied there).
    var supportsGrants: Bool { get }
    /// Whether relations and columns take comments (`persist_docs`; SQLite has none).
    var supportsComments: Bool { get }
    /// The longest identifier the database keeps whole, in bytes (PostgreSQL: 63, longer ones are cut); nil for no limit.
    var maxIdentifierBytes: Int? { get }
    /// Whether a column's full type keeps `text` and unsized `character varying` as they are
    /// (dbt-postgres) rather than sizing them (`character varying(256)`, dbt's default).
    var keepsUnsizedStringTypes: Bool { get }
    /// The class names of the adapter's relations and columns in dbt (`PostgresRelation`), which
    /// templates see in `relation.metadata.type` and when printing a column.
    var relationClassName: String { get }
    /// The quote policy of dbt's adapter (its relation's `quote_policy`), every part set: what manifest.json's
    /// `metadata.quoting` reports under the project's `quoting:`, as dbt writes it.
    var dbtQuotePolicy: QuotingConfig { get }
    var columnClassName: String { get }
    /// Whether the database has `truncate table` (SQLite empties a table with `delete from`).
    var supportsTruncate: Bool { get }
    /// Whether a view may read a relation of another schema (SQLite: not of another attached file).
    var viewsReadOtherSchemas: Bool { get }
    /// The built-in materializations the adapter declares for itself rather than taking dbt's defaults
    /// (dbt-sqlite: `view`, `table`, `incremental`): a project's `_default` materialization of that name
    /// does not replace them, only one written for the adapter does.
    var adapterMaterializations: Set<String> { get }
    /// The built-in materializations whose Swift fast path (`BuiltinMaterializations`) builds this adapter's
    /// relations as its macros would; the others always run their macros.
    var fastPathMaterializations: Set<String> { get }
    /// The built-in incremental strategies the adapter lists as dbt's does (`adapter.valid_incremental_strategies()`):
    /// dbt's base adapter `append` only (dbt-sqlite keeps that), dbt-postgres four.
    var validIncrementalStrategies: [String] { get }
    /// Whether `adapter.expand_target_column_types` widens string columns (PostgreSQL enforces `varchar(n)`;
    /// SQLite enforces no sizes, and dbt-sqlite's columns carry none, so it never widens one).
    var widensStringColumns: Bool { get }
    /// Whether `on_schema_change: sync_all_columns` gives a column whose type changed the new rows' type
    /// (dbt-postgres does; dbt-sqlite's incremental materialization changes no column's type).
    var changesColumnTypes: Bool { get }
    /// A query returning the schema the session's temporary tables live in (SQLite: `temp`).
    var temporarySchemaQuery: String { get }
    /// The column type a seed column of an inferred type is created with.
    func seedColumnType(_ type: SeedColumnType) -> String
    /// Quotes an identifier.
    func quote(_ identifier: String) -> String
    /// The name the database gives an identifier written unquoted (PostgreSQL folds it to lowercase).
    func unquotedName(_ identifier: String) -> String
    /// A string literal that reads back as `text` whatever the session's settings.
    func literal(_ text: String) -> String
}

extension Dialect {
    public var canRenameViews: Bool { true }
    public var dropsCascade: Bool { false }
    public func supportsMerge(serverVersion: Int?) -> Bool { false }
    public var microbatchMergesOnKey: Bool { false }
    public var supportsGrants: Bool { false }
    public var supportsComments: Bool { false }
    public var maxIdentifierBytes: Int? { nil }
    public var keepsUnsizedStringTypes: Bool { false }
    public var relationClassName: String { "BaseRelation" }
    public var dbtQuotePolicy: QuotingConfig { QuotingConfig(database: true, schema: true, identifier: true) }
    public var columnClassName: String { "Column" }
    public var supportsTruncate: Bool { true }
    public var viewsReadOtherSchemas: Bool { true }
    public var adapterMaterializations: Set<String> { [] }
    public var fastPathMaterializations: Set<String> { ["view", "table", "incremental", "seed", "test"] }
    public var validIncrementalStrategies: [String] { ["append"] }
    public var widensStringColumns: Bool { false }
    public var changesColumnTypes: Bool { false }
    public var temporarySchemaQuery: String { "select 'temp'" }
    public func unquotedName(_ identifier: String) -> String { identifier }

    public func seedColumnType(_ type: SeedColumnType) -> String { standardSeedColumnType(type) }

    /// The usual SQL type for each inferred seed column type.
    public func standardSeedColumnType(_ type: SeedColumnType) -> String {
        switch type {
        case .integer: return "integer"
        case .number: return "float8"
        case .boolean: return "boolean"
        case .date: return "date"
        case .timestamp: return "timestamp"
        case .text: return "text"
        case .declared(let declared): return declared
        }
    }

    /// The standard literal: quotes doubled.
    public func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    public func quote(_ identifier: String) -> String {
        // Foundation's replacing is slow, and identifiers almost never hold a quote.
        guard identifier.utf8.contains(UInt8(ascii: "\"")) else { return "\"" + identifier + "\"" }
        return "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `"schema"."identifier"`, with the database part where the adapter has one. Every part is quoted:
    /// names come from configs and macros, and must never be read as SQL.
    public func render(_ relation: RelationName) -> String {
        var parts: [String] = []
        if includesDatabase, let database = relation.database, !database.isEmpty { parts.append(quote(database)) }
        if let schema = relation.schema, !schema.isEmpty { parts.append(quote(schema)) }
        parts.append(quote(relation.identifier))
        return parts.joined(separator: ".")
    }
}
