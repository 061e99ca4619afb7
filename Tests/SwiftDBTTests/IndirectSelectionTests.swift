import XCTest
@testable import SwiftDBT

/// How tests join a selection through the nodes they test, in dbt's four modes.
final class IndirectSelectionTests: XCTestCase {
    private func select(_ entries: [String], exclude: [String]? = nil,
                        _ mode: IndirectSelection) throws -> [String] {
        try JaffleShopGraph.select(entries, exclude: exclude, indirect: mode)
    }

    func testEagerAddsEveryTestTouchingTheSelection() throws {
        XCTAssertEqual(try select(["orders"], .eager), [
            "assert_orders_match_staging", "not_null_orders_order_id", "orders", "relationships_orders_customer_id",
        ])
    }

    func testCautiousAddsOnlyTestsWhoseParentsAreAllSelected() throws {
        XCTAssertEqual(try select(["orders"], .cautious), ["not_null_orders_order_id", "orders"])
    }

    func testBuildableAlsoAcceptsParentsUpstreamOfTheSelection() throws {
        XCTAssertEqual(try select(["orders"], .buildable), [
            "assert_orders_match_staging", "not_null_orders_order_id", "orders",
        ])
    }

    func testEmptyAddsNoTests() throws {
        XCTAssertEqual(try select(["orders"], .empty), ["orders"])
    }

    func testCautiousTestsJoinWhenTheirParentsComeFromDifferentCriteria() throws {
        XCTAssertEqual(try select(["orders customers"], .cautious), [
            "customers", "not_null_orders_order_id", "orders", "relationships_orders_customer_id",
            "unique_customers_customer_id",
        ])
        XCTAssertEqual(try select(["orders", "stg_orders"], .cautious), [
            "assert_orders_match_staging", "not_null_orders_order_id", "orders", "stg_orders",
        ])
    }

    func testIntersectionWithATestPropertySelectsTheTestsOfAModel() throws {
        XCTAssertEqual(try select(["orders,test_type:singular"], .eager), ["assert_orders_match_staging"])
    }

    func testExcludingAModelExcludesItsTestsInTheCommandMode() throws {
        XCTAssertEqual(try select(["orders customers"], exclude: ["customers"], .eager),
                       ["assert_orders_match_staging", "not_null_orders_order_id", "orders"])
        // Cautious exclusion drops only the tests whose parents are all excluded.
        XCTAssertEqual(try select(["orders customers"], exclude: ["customers"], .cautious),
                       ["not_null_orders_order_id", "orders", "relationships_orders_customer_id"])
    }

    func testDirectlySelectedTestsStayInEveryMode() throws {
        for mode in IndirectSelection.allCases {
            XCTAssertEqual(try select(["test_name:relationships"], mode), ["relationships_orders_customer_id"])
        }
    }

    func testModeNamesComeFromTheCommandLine() throws {
        XCTAssertEqual(try IndirectSelection.named("buildable"), .buildable)
        XCTAssertThrowsError(try IndirectSelection.named("greedy")) { error in
            XCTAssertEqual((error as? DBTError)?.message,
                           "'greedy' is not a valid indirect selection mode; expected one of: eager, cautious, "
                           + "buildable, empty")
        }
    }
}
