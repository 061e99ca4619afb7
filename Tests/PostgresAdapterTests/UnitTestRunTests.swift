import Foundation
import XCTest
@testable import SwiftDBT

/// Unit tests run as dbt-core 1.10 runs them (dbt-postgres; recorded in Tests/Fixtures/unit_tests_run/dbt-results.json
/// by scripts/record-unit-test-run-reference.py): after `seed`, `test` gives every unit test dbt's status and a failing
/// one dbt's message (the diff of expected and actual rows); one whose dict or csv input reads a model not built
/// yet is dbt's error; `build` then skips each model whose unit test fails (a data test of a model's input does not
/// wait for that model's unit tests). The unit tests create no relation.
final class UnitTestRunTests: XCTestCase {
    func testUnitTestsOnSQLiteGiveDBTResults() throws {
        try checkAgainstDBT(target: "sqlite", environment: ProcessInfo.processInfo.environment)
    }

    func testUnitTestsOnPostgresGiveDBTResults() throws {
        try checkAgainstDBT(target: "postgres", environment: try requirePostgres())
    }

    private func checkAgainstDBT(target: String, environment: [String: String]) throws {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("unit_tests_run/dbt-results.json"))
        let reference = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let unitTests = try XCTUnwrap(reference["unit_tests"] as? [String: [String: Any]])
        let models = try XCTUnwrap(reference["build_models"] as? [String: String])
        let (root, _) = try projectWithBothTargets("unit_tests_run", profile: "unit_tests_run")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let loaded = try load(root, target: target, environment: environment)
        let connection = try connect(loaded)
        let ids = loaded.manifest.nodes.map(\.uniqueID)
        _ = try Runner(loaded: loaded, connection: connection, options: RunOptions(command: .seed), reporter: SilentReporter()).run(ids)
        let schema = try XCTUnwrap(loaded.manifest.node("seed.unit_tests_run.raw_orders")?.relation?.schema)
        let before = try connection.relations(inSchemas: [schema]).keys.map(\.identifier).sorted()

        let tested = try Runner(loaded: loaded, connection: connection, options: RunOptions(command: .test),
                                reporter: SilentReporter()).run(ids).filter { $0.uniqueID.hasPrefix("unit_test.") }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: tested.map { ($0.uniqueID, $0.status.rawValue) }),
                       unitTests.mapValues { $0["status"] as? String ?? "" }, target)
        for result in tested {
            let expected = unitTests[result.uniqueID]?["message"] as? String
            switch result.status {
            case .fail:
                XCTAssertEqual(result.message, expected, "\(target) \(result.uniqueID)")
            case .error:
                // dbt names the fixture's model and its own relation; the reason is the same.
                let reason = { (text: String?) in text?.split(separator: "\n").dropFirst().first?.components(separatedBy: " from relation").first }
                XCTAssertEqual(reason(result.message), reason(expected), "\(target) \(result.uniqueID)")
                XCTAssertNotNil(reason(expected))
            default:
                XCTAssertNil(expected, "\(target) \(result.uniqueID)")
            }
        }
        XCTAssertEqual(try connection.relations(inSchemas: [schema]).keys.map(\.identifier).sorted(), before,
                       "unit tests create no relation")

        let built = try Runner(loaded: loaded, connection: connection, options: RunOptions(command: .build),
                               reporter: SilentReporter()).run(ids)
        let builtModels = built.filter { $0.uniqueID.hasPrefix("model.") }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: builtModels.map { ($0.uniqueID, $0.status.rawValue) }), models, target)
    }
}
