import Foundation
import TestSupport
import XCTest
@testable import PostgresAdapter
@testable import SwiftDBT

/// A microbatch model's hooks and `concurrent_batches` on the real PostgreSQL server (fixture
/// `execution/microbatch_hooks`), replaying what dbt-core 1.10 and dbt-postgres 1.9 did
/// (scripts/record-microbatch-hooks-reference.py): pre-hooks in the first batch only, post-hooks (and the one run
/// after the commit) in the last only, none when it fails; the warning for `concurrent_batches: true` and the error
/// for a non-boolean.
final class MicrobatchHooksPostgresTests: XCTestCase {
    private var root = ""
    private var schema = ""
    private var environment: [String: String] = [:]

    override func setUpWithError() throws {
        environment = try requirePostgres()
        (root, schema) = try projectWithBothTargets("execution/microbatch_hooks", profile: "microbatch_hooks")
    }

    override func tearDownWithError() throws {
        removeProject(root, schema: schema, environment: environment)
    }

    func testHooksAndConcurrentBatchesAsDbtCore() throws {
        let steps = try MicrobatchHooksReference.steps("postgres")
        XCTAssertEqual(steps.count, 6)
        let connection = try connect(try load(root, target: "postgres", environment: environment))
        for step in steps {
            if let model = step.model { try model.write(toFile: root + "/models/concurrent.sql", atomically: true, encoding: .utf8) }
            let run = try runCLI(step.arguments + ["--target", "postgres", "--profiles-dir", root], in: root, environment: environment)
            let label = step.arguments.joined(separator: " ")
            let all = run.stdout + run.stderr
            XCTAssertEqual(run.code, step.exitCode, "\(label)\n\(all)")
            if let expected = step.results {
                let data = try Data(contentsOf: URL(fileURLWithPath: root + "/target/run_results.json"))
                let results = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["results"] as? [[String: Any]] ?? []
                let byID = Dictionary(uniqueKeysWithValues: results.map {
                    ($0["unique_id"] as? String ?? "", MicrobatchHooksReference.describe($0))
                })
                XCTAssertEqual(byID, expected, label)
                XCTAssertEqual(MicrobatchHooksReference.progressLines(run.stdout, schema: schema),
                               MicrobatchHooksReference.progressLines(step, schema: schema), label)
                let log = try connection.query("select n, kind, batch from \"\(schema)\".hook_log order by n", limit: nil).rows.map { row in
                    row.map { value -> String in
                        switch value {
                        case .integer(let number): return String(number)
                        case .text(let text): return text
                        default: return ""
                        }
                    }
                }
                XCTAssertEqual(log, step.hookLog, label)
            }
            for warning in MicrobatchHooksReference.warnings(step) {
                XCTAssert(all.contains(warning), "\(label): \(warning)\n\(all)")
            }
            for error in MicrobatchHooksReference.errors(step) {
                XCTAssert(all.contains("models/concurrent.sql:2:"), "\(label)\n\(all)")
                XCTAssert(all.contains(error), "\(label): \(error)\n\(all)")
            }
        }
    }
}
