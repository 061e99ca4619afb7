import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// MetricFlow's semantic validations at parse against dbt-core 1.10: each variant of Tests/Fixtures/semantic_layer
/// (a property file added) gives dbt's exit code and every message dbt printed, errors and warnings
/// (`expected-validations.json`, recorded by scripts/record-metricflow-validations.py).
final class SemanticValidationTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = try copyFixture("semantic_layer")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(root))
    }

    private func variants() throws -> [String: [String: Any]] {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("semantic_layer/expected-validations.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
    }

    /// dbt's lines around the messages, which swiftdbt prints as its own load-error summary.
    private static let frame: Set<String> = ["Parsing Error", "Semantic Manifest validation failed."]

    func testVariantsReportDBTsMessages() throws {
        let variants = try variants()
        XCTAssertFalse(variants.isEmpty)
        let file = root + "/models/broken.yml"
        for (name, variant) in variants.sorted(by: { $0.key < $1.key }) {
            let text = try XCTUnwrap(variant["text"] as? String)
            try ("version: 2\n" + text).write(toFile: file, atomically: true, encoding: .utf8)
            let result = try runCLI(["parse"], in: root)
            XCTAssertEqual(Int32(try XCTUnwrap(variant["code"] as? Int)), result.code, name + "\n" + result.stderr)
            let output = Self.sortingSets(result.stdout + result.stderr)
            let lines = try XCTUnwrap(variant["lines"] as? [String]).filter { !Self.frame.contains($0) }
            for line in lines {
                XCTAssertTrue(output.contains(Self.sortingSets(line)), name + ": " + line + "\n" + output)
            }
            // A parse that succeeds prints MetricFlow's findings as warnings, and nothing when dbt printed nothing.
            if result.code == 0 {
                XCTAssertEqual(output.components(separatedBy: "[WARNING]: ").count - 1, lines.count, name + "\n" + output)
            }
        }
    }

    /// The fixture as it is has no findings.
    func testFixtureHasNoFindings() throws {
        let result = try runCLI(["parse"], in: root)
        XCTAssertEqual(result.code, 0, result.stderr)
        XCTAssertFalse((result.stdout + result.stderr).contains("[WARNING]"), result.stdout + result.stderr)
    }

    /// Python prints a set (`{'orders', 'refunds'}`) in no fixed order: its members sorted on both sides.
    private static func sortingSets(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let members = rest[rest.index(after: open)..<close].components(separatedBy: ", ")
            let quoted = members.allSatisfy { $0.hasPrefix("'") && $0.hasSuffix("'") }
            result += "{" + (quoted ? members.sorted() : members).joined(separator: ", ") + "}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
