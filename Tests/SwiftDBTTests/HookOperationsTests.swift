import Foundation
import TestSupport
import XCTest

/// The project's on-run-start/on-run-end hooks are `operation` nodes in manifest.json as dbt-core 1.10 writes them
/// (Tests/Fixtures/hook_operations/expected.json, scripts/record-hook-operations.py): every field but `created_at`,
/// and empty parent_map/child_map entries; `ls` still lists only the project's own resources.
final class HookOperationsTests: XCTestCase {
    func testHookOperationNodesMatchDBTCore() throws {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("hook_operations/expected.json"))
        let reference = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let expected = try XCTUnwrap(reference["sqlite"] as? [String: Any])
        let root = try copyFixture("hook_operations")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let parse = try runCLI(["parse"], in: root)
        XCTAssertEqual(parse.code, 0, parse.stdout + parse.stderr)
        let manifest = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root + "/target/manifest.json")))
                                     as? [String: Any])
        let nodes = try XCTUnwrap(manifest["nodes"] as? [String: [String: Any]])
        let operations = try XCTUnwrap(expected["operations"] as? [String: [String: Any]])
        XCTAssertEqual(Set(nodes.filter { $0.value["resource_type"] as? String == "operation" }.keys), Set(operations.keys))
        for (uniqueID, want) in operations {
            let node = try XCTUnwrap(nodes[uniqueID], uniqueID)
            XCTAssertNotNil(node["created_at"] as? Double, uniqueID)
            XCTAssertEqual(Set(node.keys).subtracting(["created_at"]), Set(want.keys), uniqueID)
            for (key, value) in want {
                XCTAssertEqual(node[key] as? NSObject, value as? NSObject, "\(uniqueID) \(key)")
            }
        }
        for map in ["parent_map", "child_map"] {
            let ours = try XCTUnwrap(manifest[map] as? [String: [String]])
            for (uniqueID, want) in try XCTUnwrap(expected[map] as? [String: [String]]) {
                XCTAssertEqual(ours[uniqueID], want, "\(map) \(uniqueID)")
            }
        }
        // The Found line counts the hooks as operations (dbt's macro count is its own global project's).
        let found = try XCTUnwrap(parse.stdout.split(separator: "\n").first { $0.contains("Found ") })
        func withoutMacros(_ line: String) -> [String] {
            (line.components(separatedBy: "Found ").last ?? "").components(separatedBy: ", ").filter { !$0.hasSuffix(" macros") }
        }
        XCTAssertEqual(withoutMacros(String(found)), withoutMacros(try XCTUnwrap(expected["found"] as? String)))
        let list = try runCLI(["ls"], in: root)
        XCTAssertEqual(list.code, 0, list.stdout + list.stderr)
        XCTAssertEqual(list.stdout.split(separator: "\n").map(String.init), expected["ls"] as? [String])
    }
}
