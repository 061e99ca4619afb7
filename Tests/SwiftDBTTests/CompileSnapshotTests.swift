import Foundation
import XCTest
@testable import SwiftDBT

/// The fixture projects compile to the SQL recorded in `Snapshots/<project>/`.
/// Set `SWIFTDBT_RECORD_SNAPSHOTS=1` to rewrite the snapshots after an intended change.
final class CompileSnapshotTests: XCTestCase {
    func testJaffleShopCompilesToTheRecordedSQL() throws {
        try assertCompilesToSnapshots("jaffle_shop")
    }

    func testFeaturesProjectCompilesToTheRecordedSQL() throws {
        try assertCompilesToSnapshots("features", environment: ["FEATURES_RAW_SCHEMA": "landing"])
    }

    private func assertCompilesToSnapshots(_ project: String, environment: [String: String] = [:]) throws {
        let root = try copyFixture(project)
        let loaded = try loadProject(root, environment: environment)
        let compiled = try CompileTask.run(loaded, selected: loaded.manifest.nodes.map(\.uniqueID))
        let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/\(project)")
        let record = ProcessInfo.processInfo.environment["SWIFTDBT_RECORD_SNAPSHOTS"] == "1"
        let paths = TargetPaths(loaded.session.project)
        var seen: Set<String> = []
        for node in loaded.manifest.nodes where node.resourceType != .seed {
            let relative = String(paths.compiled(node).dropFirst(paths.file("compiled").count + 1))
            seen.insert(relative)
            let snapshot = snapshots.appendingPathComponent(relative)
            let sql = try XCTUnwrap(compiled[node.uniqueID], node.uniqueID)
            if record {
                try FileManager.default.createDirectory(at: snapshot.deletingLastPathComponent(), withIntermediateDirectories: true)
                try sql.write(to: snapshot, atomically: true, encoding: .utf8)
            } else {
                XCTAssertEqual(sql, try String(contentsOf: snapshot, encoding: .utf8), relative)
            }
        }
        let recorded = FileManager.default.enumerator(atPath: snapshots.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".sql") } ?? []
        XCTAssertEqual(Set(recorded), seen, "snapshots without a node, or nodes without a snapshot")
    }
}
