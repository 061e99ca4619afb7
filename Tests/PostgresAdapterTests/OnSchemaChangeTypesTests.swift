import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// An incremental model whose column types change under `on_schema_change: sync_all_columns` (fixture
/// `execution/on_schema_change_types`: integer to text, varchar(5) to varchar(20), integer to bigint, and varchar(20)
/// to varchar(5), which a wider string column absorbs) leaves the
/// table dbt-core 1.10 leaves (Tests/Fixtures/reference/on-schema-change-types.json, recorded by
/// scripts/record-on-schema-change-types.py): on PostgreSQL each changed column takes the new type and moves to the
/// end; on SQLite, as with dbt-sqlite, no type changes. Checked after each run (exit code, run_results.json status
/// and message, columns in order, rows) on the Swift fast path and through the macros
/// (`SWIFTDBT_MATERIALIZATIONS=macros`).
final class OnSchemaChangeTypesTests: XCTestCase {
    func testPostgresChangesTypesAsDbtPostgres() throws {
        let environment = try requirePostgres()
        for macros in [false, true] {
            try compare(target: "postgres", environment: environment, macros: macros)
        }
    }

    func testSQLiteKeepsTypesAsDbtSQLite() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["PGHOST"] = environment["PGHOST"] ?? "localhost"
        for macros in [false, true] {
            try compare(target: "sqlite", environment: environment, macros: macros)
        }
    }

    private func compare(target: String, environment: [String: String], macros: Bool) throws {
        let file = fixtures.appendingPathComponent("reference/on-schema-change-types.json")
        let recorded = try JSONDecoder().decode([String: [Step]].self, from: try Self.adapterRecordings(file))
        let steps = try XCTUnwrap(recorded[target])
        XCTAssertEqual(steps.count, 2)
        let (root, schema) = try projectWithBothTargets("execution/on_schema_change_types", profile: "on_schema_change_types")
        defer { removeProject(root, schema: schema, environment: environment) }
        var environment = environment
        if macros { environment[BuiltinMaterializations.environmentVariable] = "macros" }
        let connection = try connect(try load(root, target: target, environment: environment))
        let columnsQuery = target == "sqlite"
            ? "select name, type from pragma_table_info('retyped') order by cid"
            : """
              select column_name, case when character_maximum_length is null then data_type
              else data_type || '(' || character_maximum_length || ')' end
              from information_schema.columns where table_schema = '\(schema)' and table_name = 'retyped' order by ordinal_position
              """
        let table = target == "sqlite" ? "\"retyped\"" : "\"\(schema)\".\"retyped\""
        for (index, (step, vars)) in zip(steps, [[], ["--vars", "retyped: true"]]).enumerated() {
            let label = "\(target), \(macros ? "macros" : "Swift path"), run \(index + 1)"
            let run = try runCLI(["run"] + vars + ["--target", target, "--profiles-dir", root], in: root, environment: environment)
            XCTAssertEqual(run.code, step.code, "\(label): \(run.stdout)\(run.stderr)")
            let data = try Data(contentsOf: URL(fileURLWithPath: root + "/target/run_results.json"))
            let results = try XCTUnwrap((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["results"] as? [[String: Any]])
            XCTAssertEqual(results.first?["status"] as? String, step.status, label)
            XCTAssertEqual(results.first?["message"] as? String, step.message, label)
            let columns = try connection.query(columnsQuery, limit: nil)
            XCTAssertEqual(columns.rows.map { $0.map(\.display) }, step.columns, label)
            let rows = try connection.query("select * from \(table) order by id", limit: nil)
            XCTAssertEqual(rows.rows.map { $0.map(\.display) }, step.rows, label)
        }
    }

    /// One run's recording: its exit code, run_results.json status and message, the table's columns and rows.
    private struct Step: Decodable {
        var code: Int32
        var status: String
        var message: String
        var columns: [[String]]
        var rows: [[String]]
    }

    /// The recordings by adapter, without the file's `dbt` version line.
    private static func adapterRecordings(_ file: URL) throws -> Data {
        var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        object["dbt"] = nil
        return try JSONSerialization.data(withJSONObject: object)
    }
}
