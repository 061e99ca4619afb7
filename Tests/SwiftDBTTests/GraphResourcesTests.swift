import Foundation
import XCTest
@testable import SwiftDBT

/// `graph` in templates has dbt's every resource type: exposures and groups as the manifest describes
/// them, sources with their `freshness` (merged, or none when switched off; the same in `config`), and the types swiftdbt
/// reads none of yet (metrics, semantic models, saved queries) empty, models' `time_spine:` in graph and manifest,
/// columns' templated `data_type:` rendered (fixture `graph_resources`; expected.txt and expected-manifest.json recorded from dbt-core by
/// scripts/record-graph-resources.sh).
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

    func testManifestModelsCarryTheirTimeSpineAndRenderedDataTypes() throws {
        let root = try copyFixture("graph_resources")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        try ManifestWriter.write(try loadProject(root))
        let written = try Data(contentsOf: URL(fileURLWithPath: root + "/target/manifest.json"))
        let nodes = try XCTUnwrap((JSONSerialization.jsonObject(with: written) as? [String: Any])?["nodes"] as? [String: [String: Any]])
        var spines: [String: Any] = [:]
        for (key, node) in nodes where node["resource_type"] as? String == "model" {
            let columns = node["columns"] as? [String: [String: Any]] ?? [:]
            spines[key] = ["time_spine": node["time_spine"] ?? "missing",
                           "data_types": columns.mapValues { $0["data_type"] ?? "missing" }]
        }
        let recorded = try Data(contentsOf: URL(fileURLWithPath: root + "/expected-manifest.json"))
        let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: recorded) as? [String: Any])
        XCTAssertEqual(NSDictionary(dictionary: spines), NSDictionary(dictionary: expected))
    }
}
