import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// `build` runs exposures and saved queries as dbt 1.10 does: `NO-OP` lines after what they depend on, `no-op`
/// results, counted in the summary, selectable, skipped when what they depend on fails, and run again by `retry`.
/// Each case of the semantic layer fixture is compared with what dbt-core 1.10 printed and wrote for it
/// (`expected-build.json`, recorded by scripts/record-noop-reference.py).
final class NoOpBuildTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = try copyFixture("semantic_layer")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(root))
    }

    private func reference() throws -> [String: Any] {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("semantic_layer/expected-build.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Runs `arguments` and compares the exit code, lines, results and args with dbt's `case`.
    private func check(_ name: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let cases = try XCTUnwrap(try reference()["cases"] as? [String: [String: Any]])
        let expected = try XCTUnwrap(cases[name], name)
        let run = try runCLI(arguments, in: root)
        let lines = CLIRun(code: run.code, stdout: run.stdout, stderr: run.stderr)
        XCTAssertEqual(Int(run.code), expected["code"] as? Int, "\(name): \(run.stdout)\(run.stderr)", file: file, line: line)
        XCTAssertEqual(lines.results, expected["progress"] as? [String], name, file: file, line: line)
        XCTAssertEqual(lines.lines.first { $0.hasPrefix("Finished running") }, expected["finished"] as? String, name, file: file, line: line)
        XCTAssertEqual(lines.lines.first { $0.hasPrefix("Done.") }, expected["done"] as? String, name, file: file, line: line)
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/target/run_results.json"))
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let results = try XCTUnwrap(document["results"] as? [[String: Any]]).filter { entry in
            let id = entry["unique_id"] as? String ?? ""
            return id.hasPrefix("exposure.") || id.hasPrefix("saved_query.")
        }
        let recorded = try XCTUnwrap(expected["results"] as? [String: [String: Any]])
        XCTAssertEqual(Set(results.compactMap { $0["unique_id"] as? String }), Set(recorded.keys), name, file: file, line: line)
        for entry in results {
            let id = entry["unique_id"] as? String ?? ""
            var found = entry.filter { !["timing", "execution_time", "unique_id"].contains($0.key) }
            found["timing"] = (entry["timing"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            XCTAssertEqual(found as NSDictionary, recorded[id].map { $0 as NSDictionary }, "\(name) \(id)", file: file, line: line)
        }
        let args = try XCTUnwrap(document["args"] as? [String: Any])
        let expectedArgs = try XCTUnwrap(expected["args"] as? [String: Any])
        for key in ["resource_types", "exclude_resource_types"] {
            XCTAssertEqual(args[key] as? [String], expectedArgs[key] as? [String], "\(name) \(key)", file: file, line: line)
        }
    }

    func testBuildRunsExposuresAndSavedQueriesAsNoOps() throws {
        try check("all", ["build"])
    }

    func testSelectedExposureAlone() throws {
        try check("exposure", ["build", "-s", "exposure:weekly_report"])
    }

    func testExposureWithWhatItDependsOn() throws {
        try check("exposure_parents", ["build", "-s", "+exposure:weekly_report"])
    }

    func testResourceTypes() throws {
        try check("resource_types", ["build", "--resource-type", "exposure", "--resource-type", "saved_query"])
    }

    func testExcludedResourceType() throws {
        try check("exclude_exposure", ["build", "--exclude-resource-type", "exposure"])
    }

    func testFailingModelSkipsThemAndRetryRunsThemAgain() throws {
        let reference = try reference()
        let orders = root + "/models/orders.sql"
        try XCTUnwrap(reference["failing_orders"] as? String).write(toFile: orders, atomically: true, encoding: .utf8)
        try check("failing", ["build"])
        try XCTUnwrap(reference["fixed_orders"] as? String).write(toFile: orders, atomically: true, encoding: .utf8)
        try check("retry", ["retry"])
    }

    func testFailingTestDoesNotHoldThemBack() throws {
        try XCTUnwrap(try reference()["failing_test"] as? String).write(toFile: root + "/models/tests.yml", atomically: true, encoding: .utf8)
        try check("failing_test", ["build"])
    }
}
