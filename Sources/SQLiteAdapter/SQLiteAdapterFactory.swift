import Foundation
import SwiftDBT

/// Registers SQLite as the `sqlite` profile type.
///
/// Profile fields follow dbt-sqlite: `schema` (default `main`), `schemas_and_paths` (schema →
/// database file), `schema_directory` (where files of other schemas go), plus swiftdbt's
/// shorthand `path` for the main file.
public struct SQLiteAdapterFactory: ExecutionAdapter {
    public init() {}

    public var type: String { "sqlite" }

    /// `Sources/SQLiteAdapter/macros`: the `sqlite__` variants of the built-in macros.
    public var macroFolder: URL? { Bundle.module.url(forResource: "macros", withExtension: nil) }

    public func dialect(for target: Target) -> any Dialect { SQLiteDialect() }

    public func normalize(_ target: Target, projectRoot: String, projectName: String) throws -> Target {
        var target = target
        if target.schema.isEmpty { target.schema = "main" }
        if target.database.isEmpty { target.database = "main" }
        return target
    }

    /// SQLite allows one writer at a time, so runs use a single connection.
    public var maxConnections: Int { 1 }

    /// The main database file: two runs building into it at once would trip over each other's tables.
    public func exclusiveFile(_ target: Target, projectRoot: String) -> String? {
        SQLiteDatabase.mainPath(target, projectRoot: projectRoot)
    }

    public func connect(_ target: Target, projectRoot: String) throws -> any DatabaseConnection {
        try SQLiteDatabase(target: target, projectRoot: projectRoot)
    }
}
