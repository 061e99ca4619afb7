import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// `source freshness --output` writes only inside the project folder (swiftdbt writes nothing elsewhere): a path
/// outside it is unusable input, refused before anything runs.
final class SourceFreshnessOutputTests: XCTestCase {
    func testOutputOutsideTheProjectIsRefused() throws {
        let root = try copyFixture("source_freshness")
        let parent = PathText.deletingLastComponent(root)
        defer { try? FileManager.default.removeItem(atPath: parent) }
        XCTAssertEqual(try runCLI(["run", "--select", "loaders"], in: root).code, 0)
        let outside = try runCLI(["source", "freshness", "-o", "../outside.json"], in: root)
        XCTAssertEqual(outside.code, 2, outside.stdout + outside.stderr)
        XCTAssert(outside.stderr.contains("--output ../outside.json: swiftdbt writes sources.json only inside the project folder"),
                  outside.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: parent + "/outside.json"))
        let inside = try runCLI(["source", "freshness", "--output", "target/inside.json"], in: root)
        XCTAssertEqual(inside.code, 1, inside.stdout + inside.stderr)
        XCTAssert(FileManager.default.fileExists(atPath: root + "/target/inside.json"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: root + "/target/sources.json"))
    }

    /// A selection without a table to check: dbt's `Nothing to do` line, then `Done.`, exit 0, an empty sources.json
    /// (dbt-core 1.10 on the same fixture: `dbt source freshness -s source:app.undated`).
    func testNothingToCheck() throws {
        let root = try copyFixture("source_freshness")
        defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(root)) }
        let output = try runCLI(["source", "freshness", "-s", "source:app.undated"], in: root)
        XCTAssertEqual(output.code, 0, output.stdout + output.stderr)
        let lines = output.stdout.split(separator: "\n").map { $0.split(separator: " ", maxSplits: 1).last.map(String.init) ?? "" }
        XCTAssertEqual(Array(lines.suffix(2)), [" Nothing to do. Try checking your model configs and model specification args", " Done."])
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root + "/target/sources.json")))
        XCTAssertEqual(((document as? [String: Any])?["results"] as? [Any])?.count, 0)
    }
}
