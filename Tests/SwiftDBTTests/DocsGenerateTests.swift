import Foundation
import XCTest
import TestSupport

/// `swiftdbt docs generate` on the `docs_site` fixture: the catalog holds every built relation and
/// source with the database's column types, validates against dbt's catalog v1 schema, and the
/// selection and `--empty-catalog` limit it.
final class DocsGenerateTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = try copyFixture("docs_site")
        for command in [["seed"], ["run"]] {
            let result = try runCLI(command, in: root)
            XCTAssertEqual(result.code, 0, result.stdout + result.stderr)
        }
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }

    private func catalog() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: root).appendingPathComponent("target/catalog.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Runs `scripts/validate-artifact.py` on the catalog; fails with its message when invalid.
    private func assertValidCatalog(file: StaticString = #filePath, line: UInt = #line) throws {
        let repository = fixturesFolder.deletingLastPathComponent().deletingLastPathComponent()
        let process = try RunningProcess(URL(fileURLWithPath: "/usr/bin/env"),
                                         ["python3", repository.appendingPathComponent("scripts/validate-artifact.py").path,
                                          fixturesFolder.appendingPathComponent("dbt-schemas/catalog-v1.json").path,
                                          (root as NSString).appendingPathComponent("target/catalog.json")],
                                         environment: ProcessInfo.processInfo.environment)
        let result = process.wait()
        XCTAssertEqual(result.code, 0, "catalog.json is not valid: " + result.stdout + result.stderr, file: file, line: line)
    }

    func testCatalogDescribesEveryRelationAndValidates() throws {
        let result = try runCLI(["docs", "generate"], in: root)
        XCTAssertEqual(result.code, 0, result.stdout + result.stderr)
        try assertValidCatalog()
        let catalog = try catalog()
        let nodes = try XCTUnwrap(catalog["nodes"] as? [String: [String: Any]])
        XCTAssertEqual(Set(nodes.keys), ["model.docs_site.customers", "model.docs_site.stg_customers", "model.docs_site.stg_orders",
                                         "seed.docs_site.raw_customers", "seed.docs_site.raw_orders"])
        let customers = try XCTUnwrap(nodes["model.docs_site.customers"])
        XCTAssertEqual((customers["metadata"] as? [String: Any])?["type"] as? String, "table")
        XCTAssertEqual((nodes["model.docs_site.stg_orders"]?["metadata"] as? [String: Any])?["type"] as? String, "view")
        let columns = try XCTUnwrap(customers["columns"] as? [String: [String: Any]])
        XCTAssertEqual(columns.keys.sorted { (columns[$0]?["index"] as? Int ?? 0) < (columns[$1]?["index"] as? Int ?? 0) },
                       ["customer_id", "first_name", "last_name", "order_count", "lifetime_value"])
        let seed = try XCTUnwrap(nodes["seed.docs_site.raw_orders"]?["columns"] as? [String: [String: Any]])
        XCTAssertEqual(seed["amount"]?["type"] as? String, "REAL")
        XCTAssertEqual(seed["id"]?["type"] as? String, "INT", "dbt-sqlite declares a seed's integers INT")
        let sources = try XCTUnwrap(catalog["sources"] as? [String: [String: Any]])
        XCTAssertEqual(Array(sources.keys), ["source.docs_site.shop.orders"])
        for file in ["manifest.json", "index.html"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent("target/" + file)), file)
        }
    }

    func testSelectLimitsTheCatalog() throws {
        let result = try runCLI(["docs", "generate", "--select", "customers"], in: root)
        XCTAssertEqual(result.code, 0, result.stdout + result.stderr)
        try assertValidCatalog()
        XCTAssertEqual((try catalog()["nodes"] as? [String: Any]).map { Array($0.keys) }, ["model.docs_site.customers"])
        XCTAssertEqual((try catalog()["sources"] as? [String: Any])?.count, 0)
    }

    func testStaticWritesOneSelfContainedPage() throws {
        let result = try runCLI(["docs", "generate", "--static"], in: root)
        XCTAssertEqual(result.code, 0, result.stdout + result.stderr)
        let page = try String(contentsOfFile: (root as NSString).appendingPathComponent("target/static_index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<script id=\"docs-data\" type=\"application/json\">{\"project\": \"docs_site\""))
        XCTAssertTrue(page.contains("\"catalogType\": \"table\""), "the catalog is inside the page")
        XCTAssertFalse(page.contains("src=") || page.contains("href=\"http") || page.contains("fetch("), "nothing is loaded from elsewhere")
    }

    func testEmptyCatalogDoesNotConnect() throws {
        let result = try runCLI(["docs", "generate", "--empty-catalog"], in: root)
        XCTAssertEqual(result.code, 0, result.stdout + result.stderr)
        try assertValidCatalog()
        XCTAssertEqual((try catalog()["nodes"] as? [String: Any])?.count, 0)
    }
}
