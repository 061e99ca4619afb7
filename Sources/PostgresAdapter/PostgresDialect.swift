import SwiftDBT

/// PostgreSQL's side of compilation: relations are `"database"."schema"."table"`.
public struct PostgresDialect: Dialect {
    /// The `server_version_num` assumed in place of the connection's, to run what an older server would
    /// (tests of the paths taken before PostgreSQL 15); nil to use the connection's.
    let assumedServerVersion: Int?

    public init(assumedServerVersion: Int? = nil) { self.assumedServerVersion = assumedServerVersion }
    public var type: String { "postgres" }
    public var includesDatabase: Bool { true }
    public var temporarySchemaQuery: String { "select nspname from pg_namespace where oid = pg_my_temp_schema()" }
    public var dropsCascade: Bool { true }
    /// `MERGE` came with PostgreSQL 15 (`server_version_num` 150000).
    public func supportsMerge(serverVersion: Int?) -> Bool { (assumedServerVersion ?? serverVersion ?? 0) >= 150000 }
    public var microbatchMergesOnKey: Bool { true }
    public var widensStringColumns: Bool { true }
    public var changesColumnTypes: Bool { true }
    public var validIncrementalStrategies: [String] { ["append", "delete+insert", "merge", "microbatch"] }
    /// PostgreSQL folds the ASCII letters of an unquoted identifier to lowercase, and no others.
    public func unquotedName(_ identifier: String) -> String {
        String(String.UnicodeScalarView(identifier.unicodeScalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32) ?? $0 : $0 }))
    }
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
