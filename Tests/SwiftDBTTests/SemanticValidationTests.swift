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
        for (name, variant) in variants.sorted(by: { $0.key < $1.key }) {
            let project = try copyFixture("semantic_layer")
            defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(project)) }
            let text = try XCTUnwrap(variant["text"] as? String)
            if !text.isEmpty {
                try ("version: 2\n" + text).write(toFile: project + "/models/broken.yml", atomically: true, encoding: .utf8)
            }
            try applyChanges(variant["changes"] as? [[Any]] ?? [], in: project)
            let result = try runCLI(["parse"], in: project)
            XCTAssertEqual(Int32(try XCTUnwrap(variant["code"] as? Int)), result.code, name + "\n" + result.stderr)
            let output = Self.sortingSets(result.stdout + result.stderr)
            let lines = try XCTUnwrap(variant["lines"] as? [String]).map(Self.withoutColors).filter { !Self.frame.contains($0) }
            for line in lines {
                // Time spines of one grain are listed in the order dbt found their files, which is the file system's.
                let unordered = line.contains("Got duplicates: ")
                XCTAssertTrue((unordered ? Self.sortingLists(output) : output).contains(Self.sortingSets(unordered ? Self.sortingLists(line) : line)),
                              name + ": " + line + "\n" + output)
            }
            // A parse that succeeds prints MetricFlow's findings as warnings, and nothing when dbt printed nothing.
            if result.code == 0 {
                XCTAssertEqual(output.components(separatedBy: "[WARNING]").count - 1, Self.warningCount(lines), name + "\n" + output)
            }
            if let spines = variant["spines"] as? [String: Any] {
                let manifest = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: project + "/target/manifest.json"))) as? [String: Any])
                let nodes = try XCTUnwrap(manifest["nodes"] as? [String: [String: Any]])
                for (key, expected) in spines {
                    let node = try XCTUnwrap(nodes[key], name + ": " + key)
                    XCTAssertEqual(NSDictionary(dictionary: ["time_spine": node["time_spine"] ?? NSNull(), "columns": node["columns"] ?? NSNull()]),
                                   NSDictionary(dictionary: try XCTUnwrap(expected as? [String: Any])), name + ": " + key)
                }
            }
        }
    }

    /// The variant's changes to the fixture's files, as scripts/record-semantic-layer-reference.py makes them:
    /// `[path, "", new]` writes the file, `[path, old, null]` deletes it, `[path, old, new]` replaces `old` once.
    private func applyChanges(_ changes: [[Any]], in project: String) throws {
        for change in changes {
            let path = project + "/" + (try XCTUnwrap(change[0] as? String))
            let old = try XCTUnwrap(change[1] as? String)
            guard let new = change[2] as? String else {
                try FileManager.default.removeItem(atPath: path)
                continue
            }
            let text = old.isEmpty ? new : try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: old, with: new)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    /// dbt colours the `WARNING` of a deprecation; swiftdbt prints no colours here.
    private static func withoutColors(_ line: String) -> String {
        line.replacingOccurrences(of: "\u{1b}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    /// How many warnings dbt's lines hold: each MetricFlow warning is one line; a deprecation and dbt's summary of
    /// deprecations are a `[WARNING]` line and the wrapped lines after it, up to the one ending their text.
    private static func warningCount(_ lines: [String]) -> Int {
        var count = 0
        var inBlock = false
        for line in lines {
            if line.hasPrefix("[WARNING") {
                count += 1
                inBlock = true
            } else if !inBlock {
                count += 1
            }
            if inBlock, line.hasSuffix("behavior-changes.") || line == "parsing." { inBlock = false }
        }
        return count
    }

    /// The fixture as it is has no findings.
    func testFixtureHasNoFindings() throws {
        let result = try runCLI(["parse"], in: root)
        XCTAssertEqual(result.code, 0, result.stderr)
        XCTAssertFalse((result.stdout + result.stderr).contains("[WARNING]"), result.stdout + result.stderr)
    }

    /// Python's lists of quoted texts (`['b', 'a']`) with their members sorted.
    private static func sortingLists(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            result += rest[..<open]
            let members = rest[rest.index(after: open)..<close].components(separatedBy: ", ")
            let quoted = members.allSatisfy { $0.hasPrefix("'") && $0.hasSuffix("'") }
            result += "[" + (quoted ? members.sorted() : members).joined(separator: ", ") + "]"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
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
