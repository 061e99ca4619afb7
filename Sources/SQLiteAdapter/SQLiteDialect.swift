import SwiftDBT

/// SQLite's side of compilation: relations are `"schema"."table"` (each schema an attached file).
public struct SQLiteDialect: Dialect {
    public init() {}
    public var type: String { "sqlite" }
    public var includesDatabase: Bool { false }
}
