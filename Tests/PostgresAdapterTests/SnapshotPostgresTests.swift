import Foundation
import TestSupport
import XCTest
@testable import PostgresAdapter
@testable import SwiftDBT

/// Snapshots on the real PostgreSQL server (fixture `execution/snapshots`): four builds over `items`, whose rows
/// are inserted, updated and deleted between them, with both strategies, every `hard_deletes` mode, a composite
/// key, `dbt_valid_to_current`, `snapshot_meta_column_names` and a snapshot defined in YAML (with generic tests on
/// another's columns), compared with what dbt-core 1.10 and dbt-postgres 1.9 made of the same builds.
final class SnapshotPostgresTests: XCTestCase {
    private var root = ""
    private var schema = ""
    private var environment: [String: String] = [:]

    override func setUpWithError() throws {
        environment = try requirePostgres()
        (root, schema) = try projectWithBothTargets("execution/snapshots", profile: "snapshots")
    }

    override func tearDownWithError() throws {
        removeProject(root, schema: schema, environment: environment)
    }

    /// Each build recorded with dbt-core 1.10 and dbt-postgres (scripts/record-snapshot-reference.py), replayed.
    func testSameRowsAsDbtCoreOverFourBuilds() throws {
        let steps = try SnapshotReference.load(fixtures.appendingPathComponent("reference/snapshots.json"), adapter: "postgres")
        XCTAssertEqual(steps.count, 4)
        let connection = try connect(try load(root, target: "postgres", environment: environment))
        for step in steps {
            let run = try runCLI(["build", "--vars", "step: \(step.step)", "--target", "postgres", "--profiles-dir", root],
                                 in: root, environment: environment)
            XCTAssertEqual(run.code, step.exitCode, run.stdout + run.stderr)
            XCTAssertEqual(step.tables.count, 9)
            for (name, expected) in step.tables.sorted(by: { $0.key < $1.key }) {
                let result = try connection.query("select * from \"\(schema)\".\"\(name)\"", limit: nil)
                let table = SnapshotReference.normalised(columns: result.columns, rows: result.rows.map {
                    $0.map { value -> String? in
                        switch value {
                        case .integer(let i): return String(i)
                        case .real(let d): return String(d)
                        case .text(let t): return t
                        case .bool(let b): return b ? "True" : "False"
                        case .null, .blob: return nil
                        }
                    }
                })
                XCTAssertEqual(table, expected, "step \(step.step), snapshot \(name):\n\(table)\nexpected:\n\(expected)")
            }
        }
    }
}
