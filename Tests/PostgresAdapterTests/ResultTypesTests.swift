import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// `run_query` rows hold what dbt's agate tables hold (recorded with dbt-core by scripts/record-result-types.py from
/// the `execution/result_types` fixture): on PostgreSQL dates and timestamps are `datetime` objects (arithmetic,
/// comparison, `strftime`, microseconds), numbers numbers and booleans booleans; on SQLite, whose values are text,
/// they stay text, as dbt-sqlite's do.
final class ResultTypesTests: XCTestCase {
    private var root = ""
    private var environment: [String: String] = [:]

    override func setUpWithError() throws {
        environment = try requirePostgres()
        (root, _) = try projectWithBothTargets("execution/result_types", profile: "result_types")
    }

    override func tearDownWithError() throws {
        if !root.isEmpty { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
    }

    func testRowsHoldWhatDbtsAgateTablesHold() throws {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("reference/result-types.json"))
        let reference = try JSONDecoder().decode([String: String].self, from: data)
        XCTAssertEqual(reference.keys.sorted(), ["postgres", "sqlite"])
        for (target, expected) in reference {
            let run = try runCLI(["run-operation", "result_types", "--target", target, "--profiles-dir", root], in: root,
                                 environment: environment)
            XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
            let line = run.stdout.split(separator: "\n").first { $0.contains("result types: ") }
            XCTAssertEqual(line.map { String($0.split(separator: "result types: ", maxSplits: 1).last ?? "") }, expected, target)
        }
    }
}
