import Foundation
import XCTest
@testable import SwiftDBT

/// `graph` in templates has dbt's every resource type: exposures and groups as the manifest describes
/// them, sources with their `freshness` (merged, or none when switched off; the same in `config`), and the types swiftdbt
/// reads none of yet (metrics, semantic models, saved queries) empty
/// (fixture `graph_resources`; expected.txt recorded from dbt-core by scripts/record-graph-resources.sh).
final class GraphResourcesTests: XCTestCase {
    func testGraphHasExposuresGroupsAndEveryResourceType() throws {
        let root = try copyFixture("graph_resources")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let template = try String(contentsOfFile: root + "/template.sql", encoding: .utf8)
        let expected = try String(contentsOfFile: root + "/expected.txt", encoding: .utf8)
        let loaded = try loadProject(root)
        let compiler = Compiler(session: loaded.session, manifest: loaded.manifest)
        XCTAssertEqual(try compiler.compileInline(template).trimmingCharacters(in: .newlines),
                       expected.trimmingCharacters(in: .newlines))
    }
}
