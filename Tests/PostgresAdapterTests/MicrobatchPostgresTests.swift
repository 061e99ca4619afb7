import Foundation
import TestSupport
import XCTest
@testable import PostgresAdapter
@testable import SwiftDBT

/// Microbatch incremental models on the real PostgreSQL server (fixture `execution/microbatch`), replaying what
/// dbt-core 1.10 and dbt-postgres 1.9 did (scripts/record-microbatch-reference.py): three daily batches merged on
/// `unique_key`, one of which fails; a `retry` that runs only that batch; one day rebuilt with
/// `--event-time-start/--event-time-end`; a full refresh. Same exit codes, run results, batch lines and rows.
final class MicrobatchPostgresTests: XCTestCase {
    private var root = ""
    private var schema = ""
    private var environment: [String: String] = [:]

    override func setUpWithError() throws {
        environment = try requirePostgres()
        (root, schema) = try projectWithBothTargets("execution/microbatch", profile: "microbatch")
    }

    override func tearDownWithError() throws {
        removeProject(root, schema: schema, environment: environment)
    }

    func testBatchesFailureRetryAndWindowsAsDbtCore() throws {
        let steps = try MicrobatchReference.steps("postgres")
        XCTAssertEqual(steps.count, 4)
        let connection = try connect(try load(root, target: "postgres", environment: environment))
        for step in steps {
            if step.arguments == ["retry"] { try connection.execute("create table \"\(schema)\".flaky_repairs (id integer)") }
            let run = try runCLI(step.arguments + ["--target", "postgres", "--profiles-dir", root], in: root, environment: environment)
            let label = step.arguments.joined(separator: " ")
            XCTAssertEqual(run.code, step.exitCode, "\(label)\n\(run.stdout)\(run.stderr)")
            let data = try Data(contentsOf: URL(fileURLWithPath: root + "/target/run_results.json"))
            let results = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["results"] as? [[String: Any]] ?? []
            let byID = Dictionary(uniqueKeysWithValues: results.map { ($0["unique_id"] as? String ?? "", MicrobatchReference.NodeRecord($0)) })
            for (id, expected) in step.results.sorted(by: { $0.key < $1.key }) {
                XCTAssertEqual(byID[id], expected, "\(label): \(id)")
            }
            let console = run.stdout.split(separator: "\n").map { line in
                String(line).replacing(#/^\d\d:\d\d:\d\d  /#, with: "")
            }.filter { $0.firstMatch(of: #/^(Batch )?\d+ of \d+ .* model |^Batch /#) != nil }
            XCTAssertEqual(console.map { MicrobatchReference.comparable($0, schema: schema) },
                           step.console.map { MicrobatchReference.comparable($0, schema: schema) }, label)
            for (name, expected) in step.tables.sorted(by: { $0.key < $1.key }) {
                let exists = try connection.query("select 1 from information_schema.tables where table_schema = '\(schema)' "
                                                  + "and table_name = '\(name)'", limit: nil).rows.isEmpty == false
                guard exists else {
                    XCTAssertNil(expected, "\(label): \(name) missing")
                    continue
                }
                let rows = try connection.query("select * from \"\(schema)\".\"\(name)\"", limit: nil).rows.map {
                    $0.map { value -> String? in
                        switch value {
                        case .integer(let i): return String(i)
                        case .real(let d): return String(d)
                        case .text(let t): return t
                        case .bool(let b): return b ? "True" : "False"
                        case .null, .blob: return nil
                        }
                    }
                }
                XCTAssertEqual(MicrobatchReference.sorted(rows), expected, "\(label): \(name)")
            }
        }
    }
}
