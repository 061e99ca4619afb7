import SwiftDBT

/// PostgreSQL's side of compilation: relations are `"database"."schema"."table"`.
public struct PostgresDialect: Dialect {
    public init() {}
    public var type: String { "postgres" }
    public var includesDatabase: Bool { true }
    public var dropsCascade: Bool { true }
    public var supportsMerge: Bool { true }
    public var microbatchMergesOnKey: Bool { true }
    public var widensStringColumns: Bool { true }
    public var validIncrementalStrategies: [String] { ["append", "delete+insert", "merge", "microbatch"] }
    public var supportsGrants: Bool { true }
    public var supportsComments: Bool { true }
    /// `NAMEDATALEN - 1`: longer names are cut, with only a notice.
    public var maxIdentifierBytes: Int? { 63 }

    /// An escape string (`E'...'`), backslashes and quotes doubled: read the same with `standard_conforming_strings`
    /// on or off, where a standard literal would let a backslash end the string early.
    public func literal(_ text: String) -> String {
        "E'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
    }
    public var keepsUnsizedStringTypes: Bool { true }
    public var relationClassName: String { "PostgresRelation" }
    public var columnClassName: String { "PostgresColumn" }

    public func seedColumnType(_ type: SeedColumnType) -> String {
        type == .timestamp ? "timestamp without time zone" : standardSeedColumnType(type)
    }
}
