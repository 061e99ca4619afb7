import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// `state:` selection of exposures, metrics, semantic models and saved queries: the semantic layer fixture parsed
/// as "production", the edits of `expected-state.json` applied, and each state selector listed as dbt-core 1.10
/// lists it for the same edits (recorded by scripts/record-semantic-state-reference.py).
final class SemanticLayerStateTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = try copyFixture("semantic_layer")
        let production = try runCLI(["parse"], in: root)
        XCTAssertEqual(production.code, 0, production.stdout + production.stderr)
        try FileManager.default.createDirectory(atPath: root + "/prod", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: root + "/target/manifest.json", toPath: root + "/prod/manifest.json")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(root))
    }

    private func expected() throws -> [String: Any] {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("semantic_layer/expected-state.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func listed(_ selector: String) throws -> [String] {
        let result = try runCLI(["ls", "-s", selector, "--state", "prod"], in: root)
        XCTAssertEqual(result.code, 0, result.stdout + result.stderr)
        return result.stdout.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.contains(" ") }.sorted()
    }

    func testUnchangedSemanticLayerIsNotModified() throws {
        let reference = try XCTUnwrap(try expected()["unchanged"] as? [String: [String]])
        for (selector, names) in reference { XCTAssertEqual(try listed(selector), names, selector) }
    }

    func testChangedMetricExposureSemanticModelAndSavedQuery() throws {
        let reference = try expected()
        for case let edit as [String] in try XCTUnwrap(reference["edits"] as? [Any]) where edit.count == 3 {
            let path = root + "/" + edit[0]
            let text = try String(contentsOfFile: path, encoding: .utf8)
            XCTAssertTrue(text.contains(edit[1]), edit[1])
            try text.replacingOccurrences(of: edit[1], with: edit[2]).write(toFile: path, atomically: false, encoding: .utf8)
        }
        let listings = try XCTUnwrap(reference["ls"] as? [String: [String]])
        XCTAssertEqual(listings.count, 10)
        for (selector, names) in listings { XCTAssertEqual(try listed(selector), names, selector) }
    }
}
