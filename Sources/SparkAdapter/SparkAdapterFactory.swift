import Foundation
import SwiftDBT

/// Registers Spark as the `spark` profile type, over Spark Connect: `method: connect` with `host`, `port`
/// (default 15002), `token` (secret), `use_ssl`, or `method: session` with the server `SPARK_REMOTE` names;
/// `schema` and `threads` as everywhere. Each connection is one Spark session.
public struct SparkAdapterFactory: ExecutionAdapter {
    public init() {}

    public var type: String { "spark" }

    /// `Sources/SparkAdapter/macros`: the `spark__` variants of the built-in macros.
    public var macroFolder: URL? { Bundle.module.url(forResource: "macros", withExtension: nil) }

    public func dialect(for target: Target) -> any Dialect { SparkDialect() }

    /// A schema is required (dbt-spark's too); relations have no database part, so `database` is left empty
    /// unless it names the schema, as dbt-spark allows.
    public func normalize(_ target: Target, projectRoot: String, projectName: String) throws -> Target {
        guard !target.schema.isEmpty else {
            throw DBTError(.project, "target '\(target.name)' (type spark) needs a `schema`")
        }
        if !target.database.isEmpty && target.database != target.schema {
            throw DBTError(.project, "target '\(target.name)': Spark relations have no database part; "
                           + "`database` may only repeat the schema ('\(target.schema)')")
        }
        _ = try SparkEndpoint(target: target)
        return target
    }

    public func connect(_ target: Target, projectRoot: String) throws -> any DatabaseConnection {
        try SparkDatabase(target: target)
    }
}
