import Foundation
import TestSupport
import XCTest
@testable import PostgresAdapter
@testable import SwiftDBT

/// `catalog.json` on PostgreSQL (fixture `docs_site`): every relation's kind, owner, comment and
/// columns with the types and comments the server reports (`information_schema.columns` is the reference);
/// the comments are the models' rendered descriptions, written by `persist_docs` (expected values recorded
/// from dbt-core in `expected-docs.json`).
final class PostgresCatalogTests: XCTestCase {
    func testCatalogHasTheServersTypesAndComments() throws {
        let environment = try requirePostgres()
        let (root, schema) = try projectWithBothTargets("docs_site", profile: "docs_site")
        let admin = try PostgresConnection(parameters: [])
        defer {
            _ = try? admin.execute("drop schema if exists \"\(schema)\" cascade")
            try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
        }
        for command in [["seed"], ["run"]] {
            let result = try runCLI(command + ["--target", "postgres", "--profiles-dir", root], in: root, environment: environment)
            XCTAssertEqual(result.code, 0, result.stdout + result.stderr)
        }
        let result = try runCLI(["docs", "generate", "--target", "postgres", "--profiles-dir", root], in: root, environment: environment)
        XCTAssertEqual(result.code, 0, result.stdout + result.stderr)

        let data = try Data(contentsOf: URL(fileURLWithPath: root).appendingPathComponent("target/catalog.json"))
        let catalog = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let nodes = try XCTUnwrap(catalog["nodes"] as? [String: [String: Any]])
        XCTAssertEqual(nodes.count, 5)
        let customers = try XCTUnwrap(nodes["model.docs_site.customers"])
        let metadata = try XCTUnwrap(customers["metadata"] as? [String: Any])
        XCTAssertEqual(metadata["type"] as? String, "BASE TABLE")
        XCTAssertEqual(metadata["schema"] as? String, schema)
        let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: fixtures.appendingPathComponent(
            "docs_site/expected-docs.json"))) as? [String: [String: Any]])
        let descriptions = try XCTUnwrap(expected["descriptions"] as? [String: String])
        let described = try XCTUnwrap(expected["columns"] as? [String: [String: String]])
        XCTAssertEqual(metadata["comment"] as? String, descriptions["model.docs_site.customers"])
        XCTAssertEqual((nodes["model.docs_site.stg_orders"]?["metadata"] as? [String: Any])?["comment"] as? String,
                       descriptions["model.docs_site.stg_orders"], "a view's comment")
        XCTAssertEqual(metadata["owner"] as? String, environment["PGUSER"] ?? "postgres")
        XCTAssertEqual((nodes["model.docs_site.stg_orders"]?["metadata"] as? [String: Any])?["type"] as? String, "VIEW")
        let columns = try XCTUnwrap(customers["columns"] as? [String: [String: Any]])
        XCTAssertEqual(columns["lifetime_value"]?["comment"] as? String, described["model.docs_site.customers"]?["lifetime_value"])
        XCTAssertEqual(columns["customer_id"]?["comment"] as? String, described["model.docs_site.customers"]?["customer_id"])
        XCTAssertTrue(columns["first_name"]?["comment"] is NSNull, "a column without YAML gets no comment")
        XCTAssertTrue((nodes["seed.docs_site.raw_customers"]?["metadata"] as? [String: Any])?["comment"] is NSNull,
                      "seeds do not ask for persist_docs here")

        let reference = try admin.execute("select column_name, data_type, ordinal_position from information_schema.columns "
                                          + "where table_schema = $1 and table_name = 'customers'", parameters: [schema])
        var types: [String: [String]] = [:]
        for row in reference.values where row.count == 3 {
            if let name = row[0] { types[name] = [row[1] ?? "", row[2] ?? ""] }
        }
        XCTAssertEqual(types.count, 5)
        XCTAssertEqual(columns.mapValues { [$0["type"] as? String ?? "", String($0["index"] as? Int ?? 0)] }, types)
        let sources = try XCTUnwrap(catalog["sources"] as? [String: Any])
        XCTAssertEqual(Array(sources.keys), ["source.docs_site.shop.orders"])
    }
}
