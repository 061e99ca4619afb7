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
}
