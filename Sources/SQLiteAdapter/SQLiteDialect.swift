import SwiftDBT

/// SQLite's side of compilation: relations are `"schema"."table"`, each schema an attached database
/// file. Unlike dbt-sqlite, which leaves the schema bare, both parts are quoted: a schema name from a
/// config or `generate_schema_name` is an identifier, never SQL.
public struct SQLiteDialect: Dialect {
    public init() {}
    public var type: String { "sqlite" }
    public var includesDatabase: Bool { false }
    public var canRenameViews: Bool { false }
    /// Each schema is its own database file, and a view may not read another file.
    public var viewsReadOtherSchemas: Bool { false }
    public var adapterMaterializations: Set<String> { ["view", "table", "incremental"] }
    public var supportsTruncate: Bool { false }
    public var relationClassName: String { "SQLiteRelation" }
    /// dbt-sqlite's (it leaves the database and the schema bare); swiftdbt quotes the schema all the same.
    public var dbtQuotePolicy: QuotingConfig { QuotingConfig(database: false, schema: false, identifier: true) }

    /// The types dbt-sqlite declares (its `convert_*_type`): `INT` for integers and booleans, `REAL` for other numbers,
    /// `TEXT` for dates, timestamps and text, so a date column has text affinity as under dbt (`date` would give it
    /// numeric affinity). Recorded by scripts/record-seed-column-types.py.
    public func seedColumnType(_ type: SeedColumnType) -> String {
        switch type {
        case .integer, .boolean: return "INT"
        case .number: return "REAL"
        case .date, .timestamp, .text: return "TEXT"
        case .declared(let declared): return declared
        }
    }
}
