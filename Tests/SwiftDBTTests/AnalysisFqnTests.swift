import Foundation
import TestSupport
import XCTest

/// An analysis's names as dbt-core 1.10 gives them: `analysis` after the project name in its fqn (then its
/// folders under analyses/), its `path` under `analysis/` in manifest.json, and selection by that fqn (`ls -s`).
/// Compared with dbt's manifest and listings of Tests/Fixtures/resource_types (`expected-analysis-fqn.json`,
/// recorded by scripts/record-analysis-fqn.py).
final class AnalysisFqnTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = try ResourceTypesFixture.copy()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }

    private func reference() throws -> [String: Any] {
        try ResourceTypesFixture.reference("expected-analysis-fqn.json")
    }

    func testManifestNamesAnAnalysisAsDbtDoes() throws {
        let parse = try runCLI(["parse", "--profiles-dir", root], in: root)
        XCTAssertEqual(parse.code, 0, parse.stdout + parse.stderr)
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/target/manifest.json"))
        let nodes = try XCTUnwrap((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["nodes"] as? [String: [String: Any]])
        let expected = try XCTUnwrap(try reference()["analyses"] as? [String: [String: Any]])
        XCTAssertEqual(Set(nodes.keys.filter { $0.hasPrefix("analysis.") }), Set(expected.keys))
        for (uniqueID, fields) in expected {
            let node = try XCTUnwrap(nodes[uniqueID], uniqueID)
            XCTAssertEqual(node["fqn"] as? [String], fields["fqn"] as? [String], uniqueID)
            XCTAssertEqual(node["path"] as? String, fields["path"] as? String, uniqueID)
            XCTAssertEqual(node["original_file_path"] as? String, fields["original_file_path"] as? String, uniqueID)
        }
    }

    func testSelectionByTheAnalysisFqn() throws {
        let selected = try XCTUnwrap(try reference()["selected"] as? [String: [String]])
        for (selector, uniqueIDs) in selected {
            let run = try runCLI(["ls", "--resource-type", "all", "-s", selector, "--output", "json", "--profiles-dir", root], in: root)
            XCTAssertEqual(run.code, 0, selector + run.stderr)
            let listed = try run.stdout.split(separator: "\n").filter { $0.hasPrefix("{") }.map { line in
                try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["unique_id"] as? String)
            }
            XCTAssertEqual(listed.sorted(), uniqueIDs, selector)
        }
    }
}
