import XCTest
@testable import SwiftDBT

/// Each selector method against the jaffle-shop graph (indirect selection off, so only direct matches show).
final class SelectionMethodTests: XCTestCase {
    private func select(_ criterion: String) throws -> [String] {
        try JaffleShopGraph.select([criterion], indirect: .empty)
    }

    private let stagingModels = ["stg_customers", "stg_items", "stg_orders", "stg_payments"]

    func testFQNMatchesFoldersPrefixesAndNames() throws {
        XCTAssertEqual(try select("orders"), ["orders"])
        XCTAssertEqual(try select("fqn:staging"), ["source_not_null_raw_items_id"] + stagingModels)
        XCTAssertEqual(try select("jaffle_shop.staging.stg_orders"), ["stg_orders"])
        XCTAssertEqual(try select("staging.stg_orders"), ["stg_orders"])
        XCTAssertEqual(try select("audit_helper"), ["audit_orders"])
        XCTAssertEqual(try select("audit_orders"), ["audit_orders"])
        XCTAssertEqual(try select("staging.stg_*"), stagingModels)
        XCTAssertEqual(try select("*.marts.*o*s"), ["customers", "orders"])
        XCTAssertEqual(try select("stg"), [])
        XCTAssertEqual(try select("jaffle_shop.stg_orders"), [], "a prefix must follow the folders")
    }

    /// dbt's fqn method searches every node but sources, exposures and the semantic layer included (dbt-core's
    /// `ls` with no selection lists saved queries, which only `fqn:*` of its default selection can match:
    /// Tests/Fixtures/semantic_layer/expected.json).
    func testFQNSkipsSourcesOnly() throws {
        XCTAssertEqual(try select("raw_items"), [])
        XCTAssertEqual(try select("weekly_report"), ["weekly_report"])
        XCTAssertEqual(try select("fqn:*").count, JaffleShopGraph.graph.count - 1)
    }

    func testTag() throws {
        XCTAssertEqual(try select("tag:nightly"), ["customers", "orders"])
        XCTAssertEqual(try select("tag:fin*"), ["customers"])
        XCTAssertEqual(try select("tag:ecom"), ["raw_items"])
    }

    func testPath() throws {
        XCTAssertEqual(try select("path:models/staging"),
                       ["raw_items", "source_not_null_raw_items_id"] + stagingModels)
        XCTAssertEqual(try select("models/staging/"), try select("path:models/staging"))
        XCTAssertEqual(try select("path:models/marts/customers.sql"), ["customers"])
        XCTAssertEqual(try select("./models/*/orders.sql"), ["orders"])
        XCTAssertEqual(try select("path:models/**/*.yml"), [
            "not_null_orders_order_id", "raw_items", "relationships_orders_customer_id",
            "source_not_null_raw_items_id", "unique_customers_customer_id", "weekly_report",
        ])
        XCTAssertEqual(try select("path:seeds"), ["raw_customers", "raw_orders", "raw_payments"])
        XCTAssertEqual(try select("path:model"), [], "a folder name must match whole")
        XCTAssertEqual(try select("path:.").count, JaffleShopGraph.graph.count)
    }

    func testFile() throws {
        XCTAssertEqual(try select("file:customers.sql"), ["customers"])
        XCTAssertEqual(try select("customers.sql"), ["customers"])
        XCTAssertEqual(try select("file:customers"), ["customers"])
        XCTAssertEqual(try select("raw_orders.csv"), ["raw_orders"])
        XCTAssertEqual(try select("file:sources.yml"), ["raw_items", "source_not_null_raw_items_id"])
        XCTAssertEqual(try select("file:stg_[io]*"), ["stg_items", "stg_orders"])
    }

    func testConfig() throws {
        XCTAssertEqual(try select("config.materialized:table"), ["customers", "stg_items"])
        XCTAssertEqual(try select("config.materialized:TABLE"), [], "values are compared exactly")
        XCTAssertEqual(try select("config.unique_key:customer_id"), ["orders"], "list membership")
        XCTAssertEqual(try select("config.meta.owner:ana"), ["customers"], "nested keys")
        XCTAssertEqual(try select("config.meta.contains_pii:True"), ["customers"], "booleans, any case")
        XCTAssertEqual(try select("config.transient:false"), [])
        XCTAssertEqual(try select("config.severity:error"), [
            "assert_orders_match_staging", "assert_positive_payments", "relationships_orders_customer_id",
            "source_not_null_raw_items_id", "unique_customers_customer_id",
        ], "severity ignores case")
        XCTAssertEqual(try select("config.missing:x"), [])
    }

    func testResourceType() throws {
        XCTAssertEqual(try select("resource_type:seed"), ["raw_customers", "raw_orders", "raw_payments"])
        XCTAssertEqual(try select("resource_type:source"), ["raw_items"])
        XCTAssertEqual(try select("resource_type:exposure"), ["weekly_report"])
    }

    func testSource() throws {
        XCTAssertEqual(try select("source:ecom"), ["raw_items"])
        XCTAssertEqual(try select("source:ecom.raw_items"), ["raw_items"])
        XCTAssertEqual(try select("source:jaffle_shop.ecom.raw_items"), ["raw_items"])
        XCTAssertEqual(try select("source:e?om.raw_*"), ["raw_items"])
        XCTAssertEqual(try select("source:other.ecom.raw_items"), [])
        XCTAssertEqual(try select("source:ecom+1"), ["raw_items", "source_not_null_raw_items_id", "stg_items"])
    }

    func testTestTypeAndTestName() throws {
        let generic = ["not_null_orders_order_id", "relationships_orders_customer_id", "source_not_null_raw_items_id",
                       "unique_customers_customer_id"]
        let singular = ["assert_orders_match_staging", "assert_positive_payments"]
        XCTAssertEqual(try select("test_type:generic"), generic)
        XCTAssertEqual(try select("test_type:schema"), generic)
        XCTAssertEqual(try select("test_type:singular"), singular)
        XCTAssertEqual(try select("test_type:data"), (generic + singular).sorted())
        XCTAssertEqual(try select("test_type:unit"), [])
        XCTAssertEqual(try select("test_name:unique"), ["unique_customers_customer_id"])
        XCTAssertEqual(try select("test_name:not_*"), ["not_null_orders_order_id", "source_not_null_raw_items_id"])
    }

    func testPackage() throws {
        XCTAssertEqual(try select("package:audit_helper"), ["audit_orders"])
        XCTAssertEqual(try select("package:audit*"), ["audit_orders"])
        XCTAssertEqual(try select("package:this").count, JaffleShopGraph.graph.count - 1,
                       "this is the root project, sources and exposures included")
    }

    func testExposure() throws {
        XCTAssertEqual(try select("+exposure:weekly_report"), [
            "customers", "raw_customers", "raw_orders", "raw_payments", "stg_customers", "stg_orders",
            "stg_payments", "weekly_report",
        ])
        XCTAssertEqual(try select("exposure:jaffle_shop.*"), ["weekly_report"])
    }
}
