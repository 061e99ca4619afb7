import Foundation
import XCTest
@testable import SwiftDBT

/// `{% docs %}` blocks and `doc()` in descriptions, against what dbt-core 1.10 renders for the
/// `docs_site` fixture (recorded by `scripts/record-docs-descriptions.py`).
final class DocsContentTests: XCTestCase {
    private struct Expected: Decodable {
        var docs: [String: String]
        var descriptions: [String: String]
        var columns: [String: [String: String]]
        var macros: [String: MacroDocs]
        var exposures: [String: ExposureDocs]
    }

    private struct ExposureDocs: Decodable, Equatable {
        var description: String
        var depends_on: [String]
        var owner: [String]
    }

    private struct MacroDocs: Decodable, Equatable {
        var description: String
        var arguments: [[String]]
    }

    private func expected() throws -> Expected {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("docs_site/expected-docs.json"))
        return try JSONDecoder().decode(Expected.self, from: data)
    }

    private func removeCopy(_ root: String) {
        try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }

    func testDocsBlocksAreRenderedAndTrimmedAsInDBT() throws {
        let root = try copyFixture("docs_site")
        defer { removeCopy(root) }
        let manifest = try loadProject(root).manifest
        let own = manifest.docs.filter { $0.packageName != DocsParser.builtinPackage }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: own.map { ($0.uniqueID, $0.blockContents) }), try expected().docs)
        let overview = try XCTUnwrap(manifest.docs.first { $0.uniqueID == "doc.docs_site.__overview__" })
        XCTAssertEqual(overview.originalFilePath, "models/overview.md")
        XCTAssertEqual(overview.path, "overview.md")
        XCTAssertTrue(manifest.docs.contains { $0.uniqueID == "doc.dbt.__overview__" }, "the built-in front page is always there")
    }

    func testDescriptionsUseDocAsInDBT() throws {
        let root = try copyFixture("docs_site")
        defer { removeCopy(root) }
        let manifest = try loadProject(root).manifest
        let expected = try expected()
        var descriptions: [String: String] = [:]
        var columns: [String: [String: String]] = [:]
        for node in manifest.nodes where node.resourceType == .model || node.resourceType == .seed {
            descriptions[node.uniqueID] = node.description
            if !node.columns.isEmpty {
                columns[node.uniqueID] = Dictionary(uniqueKeysWithValues: node.columns.map { ($0.name, $0.description) })
            }
        }
        for source in manifest.sources {
            descriptions[source.uniqueID] = source.description
            columns[source.uniqueID] = Dictionary(uniqueKeysWithValues: source.columns.map { ($0.name, $0.description) })
        }
        XCTAssertEqual(descriptions, expected.descriptions)
        XCTAssertEqual(columns, expected.columns)
    }

    func testMacroDescriptionsAndArgumentsAsInDBT() throws {
        let root = try copyFixture("docs_site")
        defer { removeCopy(root) }
        let loaded = try loadProject(root)
        let macros = loaded.manifest.macros.filter { $0.packageName == "docs_site" }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: macros.map { macro in
            (macro.uniqueID, MacroDocs(description: macro.description,
                                       arguments: macro.arguments.map { [$0.name, $0.type ?? "", $0.description] }))
        }), try expected().macros)
        try ManifestWriter.write(loaded)
        let data = try Data(contentsOf: URL(fileURLWithPath: root).appendingPathComponent("target/manifest.json"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let macro = try XCTUnwrap((json["macros"] as? [String: [String: Any]])?["macro.docs_site.to_cents"])
        XCTAssertEqual(macro["patch_path"] as? String, "docs_site://macros/macros.yml")
        XCTAssertEqual((macro["arguments"] as? [[String: Any]])?.map { $0["type"] as? String }, ["string", "integer"])
    }

    func testExposuresAsInDBT() throws {
        let root = try copyFixture("docs_site")
        defer { removeCopy(root) }
        let manifest = try loadProject(root).manifest
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: manifest.exposures.map { exposure in
            (exposure.uniqueID, ExposureDocs(description: exposure.description, depends_on: exposure.dependsOn.sorted(),
                                             owner: [exposure.ownerName ?? "", exposure.ownerEmail ?? ""]))
        }), try expected().exposures)
    }

    func testAnExposureOfAMissingModelIsAnError() throws {
        let root = try copyFixture("docs_site")
        defer { removeCopy(root) }
        let file = (root as NSString).appendingPathComponent("models/exposures.yml")
        try (try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "ref('customers')", with: "ref('customer')"))
            .write(toFile: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try loadProject(root)) { error in
            let errors = (error as? DBTErrors)?.errors ?? []
            // dbt's message (Tests/Fixtures/semantic_layer/expected.json records it for an exposure there).
            XCTAssertEqual(errors.map(\.message), ["Exposure 'exposure.docs_site.revenue_dashboard' (models/exposures.yml) depends on a "
                                                   + "node named 'customer' which was not found"])
            XCTAssertEqual(errors.first?.location, FileLocation(path: "models/exposures.yml", line: 10, column: 9))
            XCTAssertEqual(errors.first?.sourceLine, "      - ref('customer')")
        }
    }

    func testManifestHasTheDocsSection() throws {
        let root = try copyFixture("docs_site")
        defer { removeCopy(root) }
        let loaded = try loadProject(root)
        try ManifestWriter.write(loaded)
        let data = try Data(contentsOf: URL(fileURLWithPath: root).appendingPathComponent("target/manifest.json"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let docs = try XCTUnwrap(json["docs"] as? [String: [String: Any]])
        let doc = try XCTUnwrap(docs["doc.docs_site.customer_id"])
        XCTAssertEqual(doc["block_contents"] as? String, "The customer's identifier, **unique** per customer.")
        XCTAssertEqual(doc["resource_type"] as? String, "doc")
        XCTAssertEqual(doc["original_file_path"] as? String, "models/staging/staging.md")
        let nodes = try XCTUnwrap(json["nodes"] as? [String: [String: Any]])
        XCTAssertEqual(nodes["model.docs_site.stg_orders"]?["description"] as? String, try expected().descriptions["model.docs_site.stg_orders"])
    }

    func testAMissingDocIsAnErrorAtTheDescription() throws {
        let root = try copyFixture("docs_site")
        defer { removeCopy(root) }
        let schema = (root as NSString).appendingPathComponent("models/schema.yml")
        let text = try String(contentsOfFile: schema, encoding: .utf8)
            .replacingOccurrences(of: "\n    description: \"{{ doc('stg_orders') }}\"", with: "\n    description: \"{{ doc('nowhere') }}\"")
        try text.write(toFile: schema, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try loadProject(root)) { error in
            let errors = (error as? DBTErrors)?.errors ?? []
            XCTAssertEqual(errors.count, 1, "\(error)")
            guard let first = errors.first else { return }
            XCTAssertEqual(first.kind, .compilation)
            XCTAssertEqual(first.message, "the description of 'model.docs_site.stg_orders' uses doc 'nowhere', which is not defined")
            XCTAssertEqual(first.location, FileLocation(path: "models/schema.yml", line: 23, column: 18))
            XCTAssertEqual(first.sourceLine, "    description: \"{{ doc('nowhere') }}\"")
        }
    }

    func testADocDefinedTwiceIsAnError() throws {
        let root = try copyFixture("docs_site")
        defer { removeCopy(root) }
        let extra = (root as NSString).appendingPathComponent("models/more.md")
        try "\n{% docs customer_id %}again{% enddocs %}\n".write(toFile: extra, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try loadProject(root)) { error in
            let errors = (error as? DBTErrors)?.errors ?? []
            XCTAssertEqual(errors.map(\.message), ["doc 'customer_id' is defined twice in package 'docs_site' "
                                                   + "(first at models/more.md:2:4)"])
            XCTAssertEqual(errors.first?.location, FileLocation(path: "models/staging/staging.md", line: 3, column: 4))
            XCTAssertEqual(errors.first?.sourceLine, "{% docs customer_id %}")
        }
    }

    func testDocsPathsLimitWhereBlocksAreFound() throws {
        let root = try copyFixture("docs_site")
        defer { removeCopy(root) }
        let project = (root as NSString).appendingPathComponent("dbt_project.yml")
        try (try String(contentsOfFile: project, encoding: .utf8) + "docs-paths: [\"models\", \"macros\"]\n")
            .write(toFile: project, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try loadProject(root)) { error in
            XCTAssertEqual((error as? DBTErrors)?.errors.map(\.message),
                           ["the description of 'seed.docs_site.raw_customers' uses doc 'raw_customers', which is not defined"],
                           "the block under data-tests/ is outside docs-paths")
        }
    }
}
