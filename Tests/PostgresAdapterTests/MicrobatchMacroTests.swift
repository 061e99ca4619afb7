import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// `get_incremental_microbatch_sql` is a dispatched macro of the global project (no default: dbt's "not implemented")
/// with dbt-postgres's variant in the PostgreSQL adapter folder (a merge on the `unique_key`, which it requires). The
/// runner's Swift statements stand for it and must be the same SQL; a project overriding it gets it run on
/// PostgreSQL, leaving the same table, while SQLite (whose dbt materialization calls no strategy macro) ignores it.
final class MicrobatchMacroTests: XCTestCase {
    func testMacroWritesTheSwiftStatementsOnPostgres() throws {
        let environment = try requirePostgres()
        let (root, schema) = try projectWithBothTargets("execution/microbatch", profile: "microbatch")
        defer { removeProject(root, schema: schema, environment: environment) }
        let run = try runCLI(["build", "--target", "postgres", "--profiles-dir", root, "--select", "events", "daily",
                              "--event-time-start", "2024-01-01", "--event-time-end", "2024-01-02"], in: root, environment: environment)
        XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
        let loaded = try load(root, target: "postgres", environment: environment)
        let connection = try connect(loaded)
        let base = try XCTUnwrap(loaded.manifest.nodes.first { $0.name == "daily" })
        let relation = try XCTUnwrap(base.relation)
        let staged = loaded.session.dialect.suffixed(relation, "__dbt_tmp")
        let columns = try connection.columns(of: relation)
        let compiler = Compiler(session: loaded.session, manifest: loaded.manifest)
        let materializer = Materializer(connection: connection, dialect: loaded.session.dialect, relations: RelationCache(),
                                        fullRefresh: false)
        let start = try XCTUnwrap(MicrobatchPlan.timestamp("2024-01-01"))
        let window = MicrobatchWindow(start: start, end: start.addingTimeInterval(86_400), size: .day)
        let plan = try MicrobatchPlan(base, incremental: true, eventTimeStart: window.start, eventTimeEnd: window.end, now: Date())
        var compared = 0
        for key in [ConfigValue.string("id"), .list([.string("id"), .string("batch_id")])] {
            for predicate in [ConfigValue.null, .list([.string("DBT_INTERNAL_DEST.id > 0")])] {
                var node = base
                node.config.set("unique_key", key)
                node.config.set("incremental_predicates", predicate)
                let swift = materializer.batchStatements(node, target: relation, staged: staged, columns: columns.map(\.name),
                                                         window: window, plan: plan)
                let macro = try compiler.incrementalStrategySQL(node, strategy: "microbatch", target: relation, staged: staged,
                                                                columns: columns, on: connection)
                XCTAssertEqual(macro, swift.joined(separator: ";\n"), "\(key) \(predicate)")
                compared += 1
            }
        }
        XCTAssertEqual(compared, 4)
        // A custom materialization asking dbt-postgres for the strategy's macro gets it.
        let inline = try runCLI(["compile", "--target", "postgres", "--profiles-dir", root, "--inline",
                                 "{% set m = adapter.get_incremental_strategy_macro(context, 'microbatch') %}{{ m is not none }}"],
                                in: root, environment: environment)
        XCTAssertEqual(inline.code, 0, inline.stdout + inline.stderr)
        XCTAssert(inline.stdout.contains("True"), inline.stdout)
        var keyless = base
        keyless.config.set("unique_key", .null)
        XCTAssertThrowsError(try compiler.incrementalStrategySQL(keyless, strategy: "microbatch", target: relation, staged: staged,
                                                                 columns: columns, on: connection)) { error in
            XCTAssertEqual((error as? DBTError)?.kind, .execution)
            XCTAssert("\(error)".contains("dbt-postgres 'microbatch' requires a `unique_key` config"), "\(error)")
        }
    }

    func testOverriddenMacroRunsOnPostgresAndLeavesTheSameTable() throws {
        try assertOverride(target: "postgres", environment: try requirePostgres(), runsMacro: true)
    }

    func testSQLiteIgnoresTheMacroAsDbtSqlite() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["PGHOST"] = environment["PGHOST"] ?? "localhost"
        try assertOverride(target: "sqlite", environment: environment, runsMacro: false)
    }

    /// The fixture's `daily` built over three days, then one day again: once as it is and once with the project's own
    /// `get_incremental_microbatch_sql` (which logs, then calls dbt's); the same rows both ways.
    private func assertOverride(target: String, environment: [String: String], runsMacro: Bool) throws {
        var tables: [[[String]]] = []
        for overridden in [false, true] {
            let (root, schema) = try projectWithBothTargets("execution/microbatch", profile: "microbatch")
            defer { removeProject(root, schema: schema, environment: environment) }
            if overridden {
                try FileManager.default.createDirectory(atPath: root + "/macros", withIntermediateDirectories: true)
                try """
                    {% macro get_incremental_microbatch_sql(arg_dict) %}{{ log('project microbatch', info=True) }}\
                    {{ return(dbt.get_incremental_microbatch_sql(arg_dict)) }}{% endmacro %}
                    """.write(toFile: root + "/macros/microbatch.sql", atomically: true, encoding: .utf8)
            }
            var output = ""
            for arguments in [["build", "--select", "events", "daily", "--event-time-start", "2024-01-01", "--event-time-end", "2024-01-04"],
                              ["run", "--select", "daily", "--event-time-start", "2024-01-02", "--event-time-end", "2024-01-03",
                               "--vars", "factor: 10"]] {
                let run = try runCLI(arguments + ["--target", target, "--profiles-dir", root], in: root, environment: environment)
                XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
                output += run.stdout
            }
            XCTAssertEqual(output.contains("project microbatch"), overridden && runsMacro, "\(target) overridden: \(overridden)")
            let loaded = try load(root, target: target, environment: environment)
            XCTAssertEqual(loaded.session.swiftMaterializations.contains("incremental"), !overridden)
            let relation = try XCTUnwrap(loaded.manifest.nodes.first { $0.name == "daily" }?.relation)
            let rows = try connect(loaded).query("select id, amount, batch_id from \(loaded.session.dialect.render(relation)) order by id",
                                                 limit: nil).rows
            tables.append(rows.map { $0.map { "\($0)" } })
        }
        XCTAssertEqual(tables.first?.count, 5)
        XCTAssertEqual(tables.first, tables.last, target)
    }
}
