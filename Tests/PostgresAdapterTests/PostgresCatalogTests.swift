import Foundation
import TestSupport
import XCTest
@testable import PostgresAdapter
@testable import SwiftDBT

/// `catalog.json` on PostgreSQL (fixture `docs_site`): every relation's kind, owner, comment and
/// columns with the types and comments the server reports (`information_schema.columns` is the reference).
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
        try admin.execute("comment on table \"\(schema)\".\"customers\" is 'One row per customer'; "
                          + "comment on column \"\(schema)\".\"customers\".\"lifetime_value\" is 'Sum of amounts'")
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
        XCTAssertEqual(metadata["comment"] as? String, "One row per customer")
        XCTAssertEqual(metadata["owner"] as? String, environment["PGUSER"] ?? "postgres")
        XCTAssertEqual((nodes["model.docs_site.stg_orders"]?["metadata"] as? [String: Any])?["type"] as? String, "VIEW")
        let columns = try XCTUnwrap(customers["columns"] as? [String: [String: Any]])
        XCTAssertEqual(columns["lifetime_value"]?["comment"] as? String, "Sum of amounts")
        XCTAssertTrue(columns["customer_id"]?["comment"] is NSNull)

        let reference = try admin.execute("select column_name, data_type, ordinal_position from information_schema.columns "
                                          + "where table_schema = $1 and table_name = 'customers'", parameters: [schema])
        var expected: [String: [String]] = [:]
        for row in reference.values where row.count == 3 {
            if let name = row[0] { expected[name] = [row[1] ?? "", row[2] ?? ""] }
        }
        XCTAssertEqual(expected.count, 5)
        XCTAssertEqual(columns.mapValues { [$0["type"] as? String ?? "", String($0["index"] as? Int ?? 0)] }, expected)
        let sources = try XCTUnwrap(catalog["sources"] as? [String: Any])
        XCTAssertEqual(Array(sources.keys), ["source.docs_site.shop.orders"])
    }
}
