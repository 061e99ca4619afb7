import Foundation
import XCTest
import TestSupport
@testable import SwiftDBT

/// The generated docs site opened in headless Chromium (Debian's `chromium`): each test loads the page
/// from `file://` at a route (`#!/node/<id>`, `#!/search/<text>`, `#!/graph/<selection>`) and reads
/// the DOM the page's script built. Without Chromium the tests fail under `CI=true` and are skipped elsewhere.
final class DocsSiteBrowserTests: XCTestCase {
    private var folders: [String] = []

    override func tearDown() {
        for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
    }

    private func chromium() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        throw missingPrerequisite("Chromium is not installed (apt-get install chromium; .ci/run does)")
    }

    /// Runs Chromium headless on `page` at `route` with `arguments` (`--dump-dom`, `--screenshot=...`); its own
    /// profile folder is temporary. Returns standard output.
    private func browse(_ page: String, route: String, _ arguments: [String]) throws -> String {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-chromium-\(UUID().uuidString)").path
        folders.append(profile)
        let process = try RunningProcess(URL(fileURLWithPath: try chromium()),
                                         ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile)",
                                          "--window-size=1280,800"] + arguments + [URL(fileURLWithPath: page).absoluteString + route],
                                         environment: ["HOME": profile, "PATH": "/usr/bin:/bin"])
        let result = process.wait()
        XCTAssertEqual(result.code, 0, result.stderr)
        return result.stdout
    }

    /// The DOM at `route`, after checking that the page's script reported no error.
    private func dom(_ page: String, _ route: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let html = try browse(page, route: route, ["--dump-dom"])
        XCTAssertTrue(html.contains("<pre id=\"js-errors\"></pre>"), "the page's JavaScript logged errors at \(route)", file: file, line: line)
        XCTAssertTrue(html.contains("<main id=\"main\""), "no page at \(route)", file: file, line: line)
        return html
    }

    private func matches(_ pattern: String, in text: String) throws -> [[String]] {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1..<match.numberOfRanges).compactMap { Range(match.range(at: $0), in: text).map { String(text[$0]) } }
        }
    }

    private func graph(_ html: String) throws -> (nodes: Set<String>, edges: Set<[String]>) {
        (Set(try matches("<g class=\"node[^\"]*\" data-id=\"([^\"]+)\"", in: html).map { $0[0] }),
         Set(try matches("data-from=\"([^\"]+)\" data-to=\"([^\"]+)\"", in: html)))
    }

    /// The docs_site fixture seeded, run and documented; returns its `target/index.html`.
    private func generatedFixture() throws -> String {
        let root = try copyFixture("docs_site")
        folders.append((root as NSString).deletingLastPathComponent)
        for command in [["seed"], ["run"], ["docs", "generate"]] {
            let result = try runCLI(command, in: root)
            XCTAssertEqual(result.code, 0, result.stdout + result.stderr)
        }
        return (root as NSString).appendingPathComponent("target/index.html")
    }

    func testLineageShowsTheFixturesNodesAndEdges() throws {
        _ = try chromium()
        let page = try generatedFixture()
        let whole = try graph(try dom(page, "#!/graph/"))
        XCTAssertEqual(whole.nodes, ["model.docs_site.customers", "model.docs_site.stg_customers", "model.docs_site.stg_orders",
                                     "seed.docs_site.raw_customers", "seed.docs_site.raw_orders", "source.docs_site.shop.orders",
                                     "exposure.docs_site.revenue_dashboard"])
        XCTAssertEqual(whole.edges, [["model.docs_site.stg_orders", "model.docs_site.customers"],
                                     ["model.docs_site.stg_customers", "model.docs_site.customers"],
                                     ["seed.docs_site.raw_customers", "model.docs_site.stg_customers"],
                                     ["source.docs_site.shop.orders", "model.docs_site.stg_orders"],
                                     ["model.docs_site.customers", "exposure.docs_site.revenue_dashboard"],
                                     ["source.docs_site.shop.orders", "exposure.docs_site.revenue_dashboard"]])
        let upstream = try graph(try dom(page, "#!/graph/%2Bstg_orders"))
        XCTAssertEqual(upstream.nodes, ["model.docs_site.stg_orders", "source.docs_site.shop.orders"])
        let tagged = try graph(try dom(page, "#!/graph/tag%3Astaging%2B"))
        XCTAssertEqual(tagged.nodes, ["model.docs_site.stg_orders", "model.docs_site.stg_customers", "model.docs_site.customers",
                                      "exposure.docs_site.revenue_dashboard"])
        let exposure = try dom(page, "#!/node/exposure.docs_site.revenue_dashboard")
        XCTAssertTrue(exposure.contains("<td>Finance &lt;finance@example.com&gt;</td>"), "the exposure's owner")

        // The lineage view as a picture, kept under .build (not committed) for a person to look at.
        let artifacts = fixturesFolder.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/test-artifacts")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let shot = artifacts.appendingPathComponent("docs-lineage.png").path
        try? FileManager.default.removeItem(atPath: shot)
        _ = try browse(page, route: "#!/graph/", ["--screenshot=\(shot)"])
        let png = try Data(contentsOf: URL(fileURLWithPath: shot))
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "a PNG screenshot at \(shot)")
    }

    func testSearchFindsAColumn() throws {
        _ = try chromium()
        let page = try generatedFixture()
        let html = try dom(page, "#!/search/lifetime_value")
        let results = try matches("<li data-id=\"([^\"]+)\">.*?matched ([^<]*)</li>", in: html)
        XCTAssertEqual(results.map { $0[0] }, ["model.docs_site.customers"])
        XCTAssertEqual(results.first?[1], "column lifetime_value")
    }

    func testANodePageShowsCompiledSQLCatalogTypesAndRenderedDocs() throws {
        _ = try chromium()
        let page = try generatedFixture()
        let html = try dom(page, "#!/node/model.docs_site.customers")
        XCTAssertTrue(html.contains("<h1 id=\"node-name\">customers</h1>"))
        XCTAssertTrue(html.contains("from \"main\".\"stg_orders\""), "compiled SQL shown")
        XCTAssertTrue(html.contains("from {{ ref('stg_orders') }}"), "source SQL shown")
        let catalog = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: page).deletingLastPathComponent()
            .appendingPathComponent("catalog.json"))) as? [String: Any]
        let columns = ((catalog?["nodes"] as? [String: Any])?["model.docs_site.customers"] as? [String: Any])?["columns"] as? [String: [String: Any]]
        let shown = Dictionary(uniqueKeysWithValues: try matches("<tr data-column=\"([^\"]+)\"><td>[^<]*</td><td class=\"column-type\">([^<]*)</td>",
                                                                 in: html).map { ($0[0], $0.count > 1 ? $0[1] : "") })
        XCTAssertEqual(shown.count, 5)
        XCTAssertEqual(shown, (columns ?? [:]).mapValues { $0["type"] as? String ?? "" }, "column types from catalog.json")
        // customer_id's description is doc('customer_id'), whose Markdown bold is rendered.
        XCTAssertTrue(html.contains("<p>The customer's identifier, <strong>unique</strong> per customer.</p>"))
        XCTAssertTrue(html.contains("<td>unique, not_null</td>"), "the column's tests")
    }

    func testTheRepositorysProjectOpens() throws {
        _ = try chromium()
        let root = try copyAttributionProject()
        folders.append(root)
        let result = try runCLI(["docs", "generate", "--empty-catalog"], in: root)
        XCTAssertEqual(result.code, 0, result.stdout + result.stderr)
        let page = (root as NSString).appendingPathComponent("target/index.html")
        let manifest = try loadProject(root).manifest
        let shown = try graph(try dom(page, "#!/graph/")).nodes
        let expected = Set(manifest.nodes.filter { $0.resourceType != .test && $0.resourceType != .analysis }.map(\.uniqueID))
            .union(manifest.sources.map(\.uniqueID)).union(manifest.exposures.map(\.uniqueID))
        XCTAssertEqual(shown, expected)
        XCTAssertTrue(try dom(page, "#!/overview").contains("<main id=\"main\" class=\"\"><div class=\"markdown\">"))
    }
}
