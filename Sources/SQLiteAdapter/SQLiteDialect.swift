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

    public func seedColumnType(_ type: SeedColumnType) -> String {
        type == .number ? "real" : standardSeedColumnType(type)
    }
}
