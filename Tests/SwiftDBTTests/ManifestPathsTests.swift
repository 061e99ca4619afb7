import Foundation
import TestSupport
import XCTest

/// What dbt-core 1.10 writes in manifest.json for Tests/Fixtures/manifest_paths (scripts/record-manifest-paths.py,
/// expected.json) is what swiftdbt writes: an analysis's `path` under `analysis/`, and `depends_on.nodes` with the
/// sources first, then the refs, each in the order the code calls them.
final class ManifestPathsTests: XCTestCase {
    func testPathsAndDependencyOrderMatchDBTCore() throws {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("manifest_paths/expected.json"))
        let reference = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let expected = try XCTUnwrap(reference["sqlite"] as? [String: [String: Any]])
        let root = try copyFixture("manifest_paths")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        XCTAssertEqual(try runCLI(["parse"], in: root).code, 0)
        let manifest = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root + "/target/manifest.json")))
                                     as? [String: Any])
        let nodes = try XCTUnwrap(manifest["nodes"] as? [String: [String: Any]])
        XCTAssertEqual(Set(nodes.keys), Set(expected.keys))
        for (uniqueID, want) in expected {
            let node = try XCTUnwrap(nodes[uniqueID], uniqueID)
            XCTAssertEqual(node["path"] as? String, want["path"] as? String, uniqueID)
            XCTAssertEqual((node["depends_on"] as? [String: Any])?["nodes"] as? [String], want["depends_on"] as? [String], uniqueID)
        }
    }
}
