import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// Python models on PostgreSQL: `run` fails each of them with dbt-postgres's message (the `_default`
/// materialization's name), skips what depends on them and builds the rest, as dbt-core 1.10.23 did
/// (`python_models/expected.json`, recorded by scripts/record-python-models.py).
final class PythonModelPostgresTests: XCTestCase {
    private var root = ""
    private var schema = ""
    private var environment: [String: String] = [:]

    override func setUpWithError() throws {
        environment = try requirePostgres()
        (root, schema) = try projectWithBothTargets("python_models", profile: "python_models")
    }

    override func tearDownWithError() throws {
        removeProject(root, schema: schema, environment: environment)
    }

    func testRunFailsOnlyThePythonModelsAsDbtPostgres() throws {
        try? FileManager.default.removeItem(atPath: root + "/expected.json")
        let run = try runCLI(["run", "--target", "postgres", "--profiles-dir", root], in: root, environment: environment)
        let data = try Data(contentsOf: fixtures.appendingPathComponent("python_models/expected.json"))
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let expected = try XCTUnwrap((document["postgres"] as? [String: Any])?["run"] as? [String: Any])
        XCTAssertEqual(Int(run.code), expected["exit"] as? Int, run.stdout + run.stderr)
        let written = try Data(contentsOf: URL(fileURLWithPath: root + "/target/run_results.json"))
        let results = try XCTUnwrap((JSONSerialization.jsonObject(with: written) as? [String: Any])?["results"] as? [[String: Any]])
        let recorded = try XCTUnwrap(expected["results"] as? [String: [String: Any]])
        XCTAssertEqual(Set(results.compactMap { $0["unique_id"] as? String }), Set(recorded.keys))
        for result in results {
            let id = result["unique_id"] as? String ?? ""
            XCTAssertEqual(result["status"] as? String, recorded[id]?["status"] as? String, id)
            XCTAssertEqual(result["message"] as? String, recorded[id]?["message"] as? String, id)
        }
    }
}
