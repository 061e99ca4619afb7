import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// Model versions (`versions:`) in Tests/Fixtures/versions, against what dbt-core 1.10 makes of the same
/// project (`expected.json`, recorded by scripts/record-versions-reference.py): unique IDs, aliases, fqns,
/// versions, columns, the refs each model resolves, generic test IDs, and `version:` selection.
final class ModelVersionTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = try copyFixture("versions")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(root))
    }

    private func expected() throws -> [String: Any] {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("versions/expected.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func json(_ path: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    func testBuildsVersionsAsDBTNamesAndResolvesThem() throws {
        // TZ=UTC: a deprecation date alone is midnight in the local time zone, as recorded.
        let result = try runCLI(["build"], in: root, environment: ["TZ": "UTC"])
        XCTAssertEqual(result.code, 0, result.stdout + result.stderr)
        let manifest = try json(root + "/target/manifest.json")
        let nodes = try XCTUnwrap(manifest["nodes"] as? [String: [String: Any]])
        let reference = try expected()
        let models = try XCTUnwrap(reference["models"] as? [String: [String: Any]])
        XCTAssertEqual(Set(nodes.filter { $0.value["resource_type"] as? String == "model" }.keys), Set(models.keys))
        for (id, want) in models {
            let node = try XCTUnwrap(nodes[id], id)
            XCTAssertEqual(node["alias"] as? String, want["alias"] as? String, id)
            XCTAssertEqual(node["fqn"] as? [String], want["fqn"] as? [String], id)
            for key in ["version", "latest_version", "deprecation_date", "description"] {
                XCTAssertEqual("\(node[key] ?? "absent")", "\(want[key] ?? "absent")", "\(id) \(key)")
            }
            let dependsOn = try XCTUnwrap((node["depends_on"] as? [String: Any])?["nodes"] as? [String])
            XCTAssertEqual(dependsOn.sorted(), want["depends_on"] as? [String], id)
            XCTAssertEqual((node["columns"] as? [String: Any]).map { Array($0.keys).sorted() },
                           (want["columns"] as? [String])?.sorted(), id)
            XCTAssertEqual((node["config"] as? [String: Any])?["materialized"] as? String, want["materialized"] as? String, id)
            // The relation is the alias: what refs to the version read.
            XCTAssertEqual(node["relation_name"] as? String, "\"main\".\"\(want["alias"] as? String ?? "")\"", id)
        }
        let tests = try XCTUnwrap(reference["tests"] as? [String: String])
        let builtTests = nodes.filter { $0.value["resource_type"] as? String == "test" }
        XCTAssertEqual(builtTests.mapValues { $0["attached_node"] as? String ?? "" }, tests)
        // Every model and test ran: the versions' tests read the versions' relations.
        let results = try XCTUnwrap(try json(root + "/target/run_results.json")["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, models.count + tests.count)
        XCTAssertEqual(Set(results.compactMap { $0["status"] as? String }), ["success", "pass"])
    }

    func testVersionSelection() throws {
        let selections = try XCTUnwrap(try expected()["selections"] as? [String: [String]])
        for (kind, want) in selections {
            let result = try runCLI(["ls", "--resource-type", "model", "-s", "version:\(kind)", "--output", "json"], in: root)
            XCTAssertEqual(result.code, 0, result.stderr)
            let listed = try result.stdout.split(separator: "\n").filter { $0.hasPrefix("{") }.map { line in
                try XCTUnwrap((JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["unique_id"] as? String)
            }
            XCTAssertEqual(listed.sorted(), want, kind)
        }
        let wrong = try runCLI(["ls", "-s", "version:newest"], in: root)
        XCTAssertEqual(wrong.code, 2)
        XCTAssertTrue(wrong.stderr.contains("Invalid version type selector newest: expected one of: \"latest\", \"prerelease\", "
                                            + "\"old\", or \"none\""), wrong.stderr)
    }

    func testRefToAVersionThatDoesNotExistIsALoadError() throws {
        try "select * from {{ ref('dim_customers', v=7) }}\n".write(toFile: root + "/models/consumer_latest.sql",
                                                                    atomically: true, encoding: .utf8)
        let result = try runCLI(["parse"], in: root)
        XCTAssertEqual(result.code, 2)
        XCTAssertTrue(result.stderr.contains("models/consumer_latest.sql:1:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("model 'consumer_latest' depends on a node named 'dim_customers' with version '7' "
                                             + "which was not found"), result.stderr)
    }

    func testVersionsListErrorsAsDBTWordsThem() throws {
        let schema = root + "/models/schema.yml"
        let text = try String(contentsOfFile: schema, encoding: .utf8)
        try text.replacingOccurrences(of: "latest_version: 2", with: "latest_version: 5").write(toFile: schema, atomically: true, encoding: .utf8)
        let latest = try runCLI(["parse"], in: root)
        XCTAssertEqual(latest.code, 2)
        XCTAssertTrue(latest.stderr.contains("models/schema.yml:6:21:"), latest.stderr)
        XCTAssertTrue(latest.stderr.contains("latest_version: 5 is not one of model 'dim_customers' versions: [1, 2, 3]"), latest.stderr)
        try text.replacingOccurrences(of: "- v: 3", with: "- v: 1").write(toFile: schema, atomically: true, encoding: .utf8)
        let duplicate = try runCLI(["parse"], in: root)
        XCTAssertEqual(duplicate.code, 2)
        XCTAssertTrue(duplicate.stderr.contains("Found duplicate version: '1' in versions list of model 'dim_customers'"), duplicate.stderr)
    }
}
