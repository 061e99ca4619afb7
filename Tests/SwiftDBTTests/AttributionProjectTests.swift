import Foundation
import SQLiteAdapter
import TestSupport
import XCTest
@testable import SwiftDBT

/// The repository's own attribution project, run as a user runs it.
final class AttributionProjectTests: XCTestCase {
    /// `build --select +mart_attribution__coverage_daily` on an empty database builds exactly the mart's lineage
    /// and passes every test it runs (the project's `indirect_selection: buildable` flag keeps out tests of
    /// models outside the lineage).
    func testOneMartsLineageBuildsOnAnEmptyDatabase() throws {
        let root = try copyAttributionProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try runCLI(["build", "--select", "+mart_attribution__coverage_daily"], in: root)
        XCTAssertEqual(result.code, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("ERROR=0 SKIP=0"), result.stdout)

        let loaded = try loadProject(root)
        let lineage = try SelectionSpec.parse(select: ["+mart_attribution__coverage_daily"], exclude: [])
            .evaluate(on: ProjectGraph(nodes: loaded.manifest.graphNodes), indirect: .empty)
            .nodes.filter { [.model, .seed].contains($0.resourceType) }.map(\.name)
        XCTAssertTrue(lineage.contains("int_identity__resolution") && lineage.contains("raw_posthog_events"))
        XCTAssertFalse(lineage.contains("int_attribution__last_touch"))
        let connection = try SQLiteAdapterFactory().connect(loaded.session.target, projectRoot: root)
        let tables = try connection.query("select name from sqlite_master where type = 'table'", limit: nil).rows
            .compactMap { row -> String? in if case .text(let name) = row.first { return name } else { return nil } }
        XCTAssertEqual(Set(tables), Set(lineage))
    }
}
