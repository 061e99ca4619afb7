import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// The built-in incremental strategies are macros of the global project (`get_incremental_<strategy>_sql`,
/// `get_merge_sql`, `get_delete_insert_merge_sql`, ...; SQLite's `merge` in its adapter folder); the runner writes
/// the same statements in Swift (`IncrementalSQL`) while nothing overrides those macros. Both must give the same
/// SQL, and a project overriding one gets the macros run, leaving the same tables, on SQLite and PostgreSQL.
final class IncrementalStrategyMacroTests: XCTestCase {
    private let models = ["appended", "by_id", "by_id_and_part", "by_id_part_a", "merged", "merged_names"]

    func testMacrosWriteTheFastPathsStatementsOnSQLite() throws {
        try assertSameStatements(target: "sqlite", environment: sqliteEnvironment())
    }

    func testMacrosWriteTheFastPathsStatementsOnPostgres() throws {
        try assertSameStatements(target: "postgres", environment: try requirePostgres())
    }

    func testOverriddenStrategyMacrosRunAndLeaveTheSameTablesOnSQLite() throws {
        try assertSameTables(target: "sqlite", environment: sqliteEnvironment())
    }

    func testOverriddenStrategyMacrosRunAndLeaveTheSameTablesOnPostgres() throws {
        try assertSameTables(target: "postgres", environment: try requirePostgres())
    }

    /// Every combination of strategy, unique key, predicates and merge columns, on the fixture's `merged` table:
    /// the macro's SQL is the fast path's statements joined by `;` and a line break.
    private func assertSameStatements(target: String, environment: [String: String]) throws {
        let (root, _) = try projectWithBothTargets("execution/materializations", profile: "materializations")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let run = try runCLI(["run", "--target", target, "--profiles-dir", root, "--select", "merged"], in: root, environment: environment)
        XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
        let loaded = try load(root, target: target, environment: environment)
        XCTAssertTrue(loaded.session.swiftMaterializations.contains("incremental"))
        let connection = try connect(loaded)
        let base = try XCTUnwrap(loaded.manifest.nodes.first { $0.name == "merged" })
        let relation = try XCTUnwrap(base.relation)
        let staged = loaded.session.dialect.suffixed(relation, "__dbt_tmp")
        let columns = try connection.columns(of: relation)
        let compiler = Compiler(session: loaded.session, manifest: loaded.manifest)
        let materializer = Materializer(connection: connection, dialect: loaded.session.dialect, relations: RelationCache(),
                                        fullRefresh: false)
        let keys: [ConfigValue] = [.null, .string("id"), .list([.string("id"), .string("part")])]
        let predicates: [ConfigValue] = [.null, .list([.string("DBT_INTERNAL_DEST.part = 'a'"), .string("DBT_INTERNAL_DEST.id > 0")])]
        let mergeColumns: [(String, ConfigValue)?] = [nil, ("merge_update_columns", .list([.string("NAME"), .string("missing")])),
                                                      ("merge_exclude_columns", .list([.string("name")]))]
        var compared = 0
        for strategy in ["append", "delete+insert", "merge", "default"] {
            for key in keys {
                for predicate in predicates {
                    for extra in mergeColumns {
                        var node = base
                        node.config.set("incremental_strategy", strategy == "default" ? .null : .string(strategy))
                        node.config.set("unique_key", key)
                        node.config.set("incremental_predicates", predicate)
                        if let (name, value) = extra { node.config.set(name, value) }
                        let fast = try materializer.statements(node, target: relation, staged: staged, columns: columns.map(\.name))
                        let macro = try compiler.incrementalStrategySQL(node, strategy: strategy, target: relation, staged: staged,
                                                                        columns: columns, on: connection)
                        XCTAssertEqual(macro, fast.joined(separator: ";\n"), "\(target) \(strategy) \(key) \(predicate) \(String(describing: extra))")
                        compared += 1
                    }
                }
            }
        }
        XCTAssertEqual(compared, 72)
    }

    /// The fixture's incremental models over two batches, once as they are (the fast path) and once with a project
    /// overriding the four strategy macros (each logs, then calls the built-in one): the override runs, and every
    /// model's table is the same.
    private func assertSameTables(target: String, environment: [String: String]) throws {
        var fingerprints: [[String: String]] = []
        for overridden in [false, true] {
            let (root, _) = try projectWithBothTargets("execution/materializations", profile: "materializations")
            defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
            if overridden {
                let overrides = ["append", "delete_insert", "merge", "default"].map { name in
                    "{% macro get_incremental_\(name)_sql(arg_dict) %}{{ log('project strategy \(name)', info=True) }}"
                        + "{{ return(dbt.get_incremental_\(name)_sql(arg_dict)) }}{% endmacro %}"
                }
                try FileManager.default.createDirectory(atPath: root + "/macros", withIntermediateDirectories: true)
                try overrides.joined(separator: "\n").write(toFile: root + "/macros/strategies.sql", atomically: true, encoding: .utf8)
            }
            var output = ""
            for batch in [1, 2] {
                let run = try runCLI(["run", "--target", target, "--profiles-dir", root, "--vars", "{batch: \(batch)}", "--select"] + models,
                                     in: root, environment: environment)
                XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
                output += run.stdout
            }
            for name in ["delete_insert", "merge", "default"] {  // the fixture's models use these three
                XCTAssertEqual(output.contains("project strategy \(name)"), overridden, "\(target): \(name)")
            }
            let loaded = try load(root, target: target, environment: environment)
            XCTAssertEqual(loaded.session.swiftMaterializations.contains("incremental"), !overridden)
            let connection = try connect(loaded)
            var tables: [String: String] = [:]
            for node in loaded.manifest.nodes where models.contains(node.name) {
                let relation = try XCTUnwrap(node.relation.map(loaded.session.dialect.render))
                let (rows, checksum) = try fingerprint(relation, connection)
                tables[node.name] = "\(rows)\n\(checksum)"
            }
            XCTAssertEqual(tables.count, models.count)
            fingerprints.append(tables)
        }
        XCTAssertEqual(fingerprints.first, fingerprints.last, target)
    }

    /// The environment for the SQLite output (the unused PostgreSQL output of the profile still renders).
    private func sqliteEnvironment() -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["PGHOST"] = environment["PGHOST"] ?? "localhost"
        return environment
    }
}
