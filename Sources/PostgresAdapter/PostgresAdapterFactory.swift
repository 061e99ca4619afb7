import Foundation
import SwiftDBT

/// Registers PostgreSQL as the `postgres` profile type (fields as dbt-postgres: `host`, `port`,
/// `user`, `password`, `dbname`, `schema`, `threads`, `connect_timeout`, `sslmode`,
/// `keepalives_idle`, `search_path`, `role`; libpq's `PG*` environment variables fill the rest).
public struct PostgresAdapterFactory: ExecutionAdapter {
    public init() {}

    public var type: String { "postgres" }

    /// `Sources/PostgresAdapter/macros`: the `postgres__` variants of the built-in macros.
    public var macroFolder: URL? { Bundle.module.url(forResource: "macros", withExtension: nil) }

    public func dialect(for target: Target) -> any Dialect { PostgresDialect() }

    public func normalize(_ target: Target, projectRoot: String, projectName: String) throws -> Target {
        var target = target
        if target.schema.isEmpty { target.schema = "public" }
        if target.database.isEmpty { target.database = target.field("dbname")?.scalarString ?? "postgres" }
        return target
    }

    public func connect(_ target: Target, projectRoot: String) throws -> any DatabaseConnection {
        try PostgresDatabase(target: target)
    }
}
