import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// Unit tests are selected as dbt selects them: by `test_type:unit`, `unit_test:<name>`, `resource_type:unit_test`
/// and `--resource-type unit_test`, with the model they test (as its tests are), and not by `test_type:data`.
final class UnitTestSelectionTests: XCTestCase {
    func testSelectionMethodsReachUnitTests() throws {
        let root = try copyFixture("unit_tests_run")
        defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(root)) }
        func listed(_ arguments: String...) throws -> [String] {
            let run = try runCLI(["ls", "--output", "json"] + arguments, in: root)
            XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
            return run.stdout.split(separator: "\n").compactMap { line in
                guard let data = line.data(using: .utf8),
                      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
                return object["unique_id"] as? String
            }.sorted()
        }
        let all = [
            "unit_test.unit_tests_run.customer_totals.totals_full", "unit_test.unit_tests_run.customer_totals.totals_incremental",
            "unit_test.unit_tests_run.customer_totals.totals_wrong", "unit_test.unit_tests_run.dim_customers.customers_v2_only_v2",
            "unit_test.unit_tests_run.dim_customers.customers_versioned_v1",
            "unit_test.unit_tests_run.dim_customers.customers_versioned_v2", "unit_test.unit_tests_run.order_cents.cents_long_table",
            "unit_test.unit_tests_run.order_cents.cents_overridden",
            "unit_test.unit_tests_run.order_cents.cents_real", "unit_test.unit_tests_run.order_cents.cents_rows_added_removed",
            "unit_test.unit_tests_run.order_cents.cents_rows_differ",
            "unit_test.unit_tests_run.order_count.count_from_seed", "unit_test.unit_tests_run.stamped.qualified_override",
            "unit_test.unit_tests_run.stg_orders.staging_from_source",
        ]
        XCTAssertEqual(try listed("-s", "test_type:unit"), all)
        XCTAssertEqual(try listed("--resource-type", "unit_test"), all)
        XCTAssertEqual(try listed("-s", "resource_type:unit_test"), all)
        XCTAssertEqual(try listed("-s", "unit_test:totals_wrong"), ["unit_test.unit_tests_run.customer_totals.totals_wrong"])
        XCTAssertEqual(try listed("-s", "test_type:data"), ["test.unit_tests_run.not_null_stg_orders_id.8cf5724805"])
        XCTAssertEqual(try listed("-s", "tag:staging"), ["unit_test.unit_tests_run.stg_orders.staging_from_source"])
        // dbt's selector form of a unit test (dbt-core 1.10 `ls`): `unit_test:<package>.<name>[_v<version>]`.
        let plain = try runCLI(["ls", "-s", "dim_customers", "--resource-type", "unit_test"], in: root)
        XCTAssertEqual(plain.stdout.split(separator: "\n").filter { $0.hasPrefix("unit_test:") }, [
            "unit_test:unit_tests_run.customers_v2_only_v2", "unit_test:unit_tests_run.customers_versioned_v1",
            "unit_test:unit_tests_run.customers_versioned_v2",
        ])
        XCTAssertEqual(try listed("-s", "stg_orders"), ["model.unit_tests_run.stg_orders", "test.unit_tests_run.not_null_stg_orders_id.8cf5724805",
                                                        "unit_test.unit_tests_run.stg_orders.staging_from_source"])
    }
}
