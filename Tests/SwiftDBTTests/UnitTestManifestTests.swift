import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// `manifest.json`'s `unit_tests` holds what dbt-core 1.10 writes there for Tests/Fixtures/unit_tests_run (recorded
/// by scripts/record-unit-test-run-reference.py): rows normalized as dbt keeps them (csv values text, fixture files
/// read, sql rows trimmed, a seed's rows for a dict input without rows), versioned tests, and dbt's checksum, so
/// that `state:modified` compares unit tests as dbt does.
final class UnitTestManifestTests: XCTestCase {
    func testUnitTestEntriesEqualDBTs() throws {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("unit_tests_run/dbt-results.json"))
        let reference = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let expected = try XCTUnwrap(reference["manifest_unit_tests"] as? [String: [String: Any]])
        let root = try copyFixture("unit_tests_run")
        defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(root)) }
        let run = try runCLI(["parse"], in: root)
        XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root + "/target/manifest.json")))
            as? [String: Any])
        let ours = try XCTUnwrap(manifest["unit_tests"] as? [String: [String: Any]])
        XCTAssertEqual(ours.keys.sorted(), expected.keys.sorted())
        for (id, entry) in expected {
            for (key, value) in entry {
                XCTAssertEqual(ours[id]?[key].map { NSDictionary(dictionary: ["v": $0]) }, NSDictionary(dictionary: ["v": value]),
                               "\(id) \(key)")
            }
        }
        let nodes = try XCTUnwrap(manifest["nodes"] as? [String: Any])
        XCTAssertFalse(nodes.keys.contains { $0.hasPrefix("unit_test.") }, "unit tests are not nodes in manifest.json")
    }
}

/// `state:modified` compares unit tests by their checksum, as dbt does: none is modified against the project's own
/// manifest, and changing one test's expected rows modifies that test only.
final class UnitTestStateTests: XCTestCase {
    func testChangedUnitTestIsModified() throws {
        let root = try copyFixture("unit_tests_run")
        defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(root)) }
        XCTAssertEqual(try runCLI(["parse"], in: root).code, 0)
        let state = root + "/prod-state"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: root + "/target/manifest.json", toPath: state + "/manifest.json")
        func modified() throws -> [String] {
            let run = try runCLI(["ls", "-s", "state:modified", "--state", state, "--output", "name"], in: root)
            XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
            return run.stdout.split(separator: "\n").map(String.init).filter { !$0.contains(" ") }
        }
        XCTAssertEqual(try modified(), [])
        let schema = root + "/models/schema.yml"
        let text = try String(contentsOfFile: schema, encoding: .utf8)
        try text.replacingOccurrences(of: "- {customer_id: 10, total: 13}", with: "- {customer_id: 10, total: 12}")
            .write(toFile: schema, atomically: true, encoding: .utf8)
        XCTAssertEqual(try modified(), ["totals_wrong"])
    }
}
