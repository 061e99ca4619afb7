import Foundation
import TestSupport
import XCTest
@testable import SQLiteAdapter

/// A microbatch model's hooks and `concurrent_batches` on a real SQLite file (fixture `execution/microbatch_hooks`),
/// replaying what dbt-core 1.10 and dbt-sqlite 1.10 did (scripts/record-microbatch-hooks-reference.py): pre-hooks in
/// the first batch only, post-hooks in the last only (none when it fails, the first batch's rolled back when it
/// fails), each seeing `model.batch`; the warning for `concurrent_batches: true` and the error for a non-boolean.
final class MicrobatchHooksTests: XCTestCase {
    private var project: ExecutionProject!

    override func setUpWithError() throws {
        project = try ExecutionProject("microbatch_hooks")
        let folder = (project.root as NSString).deletingLastPathComponent
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
    }

    func testHooksAndConcurrentBatchesAsDbtCore() throws {
        let steps = try MicrobatchHooksReference.steps("sqlite")
        XCTAssertEqual(steps.map(\.arguments.first), ["build", "run", "run", "run", "parse", "parse"])
        for step in steps {
            if let model = step.model { try project.write(model, to: "models/concurrent.sql") }
            let run = try project.run(step.arguments)
            let label = step.arguments.joined(separator: " ")
            XCTAssertEqual(run.code, step.exitCode, "\(label)\n\(run.all)")
            if let expected = step.results {
                XCTAssertEqual(try project.runResults().mapValues(MicrobatchHooksReference.describe), expected, label)
                XCTAssertEqual(MicrobatchHooksReference.progressLines(run.stdout, schema: "main"),
                               MicrobatchHooksReference.progressLines(step, schema: "main"), label)
                let log = try project.rows("select n, kind, batch from hook_log order by n").map { row in
                    row.map { value -> String in
                        if case .integer(let number) = value { return String(number) }
                        return value.text ?? ""
                    }
                }
                XCTAssertEqual(log, step.hookLog, label)
            }
            for warning in MicrobatchHooksReference.warnings(step) {
                XCTAssert(run.all.contains(warning), "\(label): \(warning)\n\(run.all)")
            }
            for error in MicrobatchHooksReference.errors(step) {
                XCTAssert(run.all.contains("models/concurrent.sql:2:"), "\(label)\n\(run.all)")
                XCTAssert(run.all.contains(error), "\(label): \(error)\n\(run.all)")
            }
        }
    }
}
