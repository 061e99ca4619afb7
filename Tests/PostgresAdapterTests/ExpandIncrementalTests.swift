import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// The built-in incremental materialization widens its table's string columns before new rows go in
/// (`adapter.expand_target_column_types(staged, target)`), as dbt 1.10's does: fixture `execution/expand_incremental`,
/// whose second run brings longer strings, gives dbt-postgres's table (recorded by scripts/record-expand-incremental.py)
/// on the Swift fast path and through the macros (`SWIFTDBT_MATERIALIZATIONS=macros`).
final class ExpandIncrementalTests: XCTestCase {
    func testSwiftPathWidensAsDbtPostgres() throws {
        try compare(materializations: [:])
    }

    func testMacroPathWidensAsDbtPostgres() throws {
        try compare(materializations: [BuiltinMaterializations.environmentVariable: "macros"])
    }

    private func compare(materializations: [String: String]) throws {
        let environment = try requirePostgres().merging(materializations) { $1 }
        let file = fixtures.appendingPathComponent("reference/expand-incremental.json")
        let recorded = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let steps = try XCTUnwrap(recorded["postgres"] as? [[String: Any]])
        XCTAssertEqual(steps.count, 2)
        let (root, schema) = try projectWithBothTargets("execution/expand_incremental", profile: "expand_incremental")
        defer { removeProject(root, schema: schema, environment: environment) }
        let connection = try connect(try load(root, target: "postgres", environment: environment))
        let shown = { (cells: [[Any]]) in
            cells.map { $0.map { cell -> String in (cell as? NSNumber).map { "\($0.intValue)" } ?? (cell as? String) ?? "NULL" } }
        }
        for (index, step) in steps.enumerated() {
            let run = try runCLI(["run", "--target", "postgres", "--profiles-dir", root], in: root, environment: environment)
            XCTAssertEqual(Int(run.code), step["exit_code"] as? Int, run.stdout + run.stderr)
            let columns = try connection.query("""
                select column_name, data_type, character_maximum_length, numeric_precision, numeric_scale
                from information_schema.columns where table_schema = '\(schema)' and table_name = 'widening' order by ordinal_position
                """, limit: nil)
            XCTAssertEqual(columns.rows.map { $0.map(\.display) }, shown(try XCTUnwrap(step["columns"] as? [[Any]])), "run \(index + 1)")
            let rows = try connection.query("select * from \"\(schema)\".\"widening\" order by 1", limit: nil)
            XCTAssertEqual(rows.rows.map { $0.map(\.display) }, shown(try XCTUnwrap(step["rows"] as? [[Any]])), "run \(index + 1)")
        }
    }
}
