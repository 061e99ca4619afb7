import SwiftDBT

/// Spark SQL's side of compilation, as dbt-spark's: relations are `` `schema`.`identifier` `` (a schema is a Spark
/// database; there is no database part), identifiers quoted with backquotes.
public struct SparkDialect: Dialect {
    public init() {}
    public var type: String { "spark" }
    public var includesDatabase: Bool { false }
    public var relationClassName: String { "SparkRelation" }
    /// dbt-spark's: every part bare; swiftdbt quotes them all the same.
    public var dbtQuotePolicy: QuotingConfig { QuotingConfig(database: false, schema: false, identifier: false) }
    public var columnClassName: String { "SparkColumn" }
    /// Models build with the adapter's own materialization macros; seeds and tests take the core's Swift paths.
    public var fastPathMaterializations: Set<String> { ["seed", "test"] }

    public func quote(_ identifier: String) -> String {
        "`" + identifier.replacingOccurrences(of: "`", with: "``") + "`"
    }

    /// Spark reads a backslash in a string literal as an escape: backslashes and quotes are escaped by one.
    public func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    /// The types dbt-spark gives seed columns: `bigint`, `double`, `boolean`, `date`, `timestamp`, `string`.
    public func seedColumnType(_ type: SeedColumnType) -> String {
        switch type {
        case .integer: return "bigint"
        case .number: return "double"
        case .boolean: return "boolean"
        case .date: return "date"
        case .timestamp: return "timestamp"
        case .text: return "string"
        case .declared(let declared): return declared
        }
    }
}
