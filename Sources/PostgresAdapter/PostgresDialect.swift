import SwiftDBT

/// PostgreSQL's side of compilation: relations are `"database"."schema"."table"`.
public struct PostgresDialect: Dialect {
    public init() {}
    public var type: String { "postgres" }
    public var includesDatabase: Bool { true }
    public var dropsCascade: Bool { true }
    public var supportsMerge: Bool { true }
    public var supportsGrants: Bool { true }
    public var keepsUnsizedStringTypes: Bool { true }
    public var relationClassName: String { "PostgresRelation" }
    public var columnClassName: String { "PostgresColumn" }

    public func seedColumnType(_ type: SeedColumnType) -> String {
        type == .timestamp ? "timestamp without time zone" : standardSeedColumnType(type)
    }
}
