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

    /// `retry` after `docs generate` generates the site again with that invocation's flags and selection (dbt-core
    /// 1.10.23's retry compiles only what failed); a generate stopped by a node that does not compile leaves its args
    /// in run_results.json, so `retry` generates the site once the node is fixed.
    func testRetryGeneratesAgainWithTheSameFlags() throws {
        let target = (root as NSString).appendingPathComponent("target")
        let generated = try runCLI(["docs", "generate", "--empty-catalog", "--static", "--select", "customers"], in: root)
        XCTAssertEqual(generated.code, 0, generated.stdout + generated.stderr)
        for file in ["static_index.html", "catalog.json"] { try FileManager.default.removeItem(atPath: target + "/" + file) }
        let retried = try runCLI(["retry"], in: root)
        XCTAssertEqual(retried.code, 0, retried.stdout + retried.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: target + "/static_index.html"), "--static again")
        XCTAssertEqual((try catalog()["nodes"] as? [String: Any])?.count, 0, "--empty-catalog again")
        let results = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: target + "/run_results.json"))) as? [String: Any]
        let args = try XCTUnwrap(results?["args"] as? [String: Any])
        XCTAssertEqual(args["which"] as? String, "generate")
        XCTAssertEqual(args["select"] as? [String], ["customers"])
        XCTAssertEqual(args["empty_catalog"] as? Bool, true)
        XCTAssertEqual(args["static"] as? Bool, true)

        let broken = (root as NSString).appendingPathComponent("models/broken.sql")
        try "{% if execute %}{{ exceptions.raise_compiler_error('not yet') }}{% endif %}\nselect 1 as x\n".write(toFile: broken, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: target + "/index.html")
        let failed = try runCLI(["docs", "generate", "--empty-catalog"], in: root)
        XCTAssertNotEqual(failed.code, 0, failed.stdout + failed.stderr)
        try "select 1 as x\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let fixed = try runCLI(["retry"], in: root)
        XCTAssertEqual(fixed.code, 0, fixed.stdout + fixed.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: target + "/index.html"))
    }

    func testEmptyCatalogDoesNotConnect() throws {
        let result = try runCLI(["docs", "generate", "--empty-catalog"], in: root)
        XCTAssertEqual(result.code, 0, result.stdout + result.stderr)
        try assertValidCatalog()
        XCTAssertEqual((try catalog()["nodes"] as? [String: Any])?.count, 0)
    }
}
