import SwiftDBT

/// SQLite's side of compilation: relations are `schema."table"` as dbt-sqlite writes them
/// (each schema an attached database file, its name left unquoted).
public struct SQLiteDialect: Dialect {
    public init() {}
    public var type: String { "sqlite" }
    public var includesDatabase: Bool { false }
    public var quotePolicy: QuotePolicy { QuotePolicy(database: false, schema: false, identifier: true) }
    public var canRenameViews: Bool { false }
    public var supportsTruncate: Bool { false }
    public var relationClassName: String { "SQLiteRelation" }

    public func seedColumnType(_ type: SeedColumnType) -> String {
        type == .number ? "real" : standardSeedColumnType(type)
    }
}
