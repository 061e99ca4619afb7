import XCTest
@testable import SwiftDBT

/// The `--select`/`--exclude` grammar: criteria, graph operators, set operators, warnings and errors.
final class SelectionSyntaxTests: XCTestCase {
    private func select(_ entries: [String]?, exclude: [String]? = nil) throws -> [String] {
        try JaffleShopGraph.select(entries, exclude: exclude, indirect: .empty)
    }

    func testCriterionParts() throws {
        let full = try SelectionCriterion.parse("2+config.meta.owner:ana+3")
        XCTAssertEqual(full.method, .config)
        XCTAssertEqual(full.methodArguments, ["meta", "owner"])
        XCTAssertEqual(full.value, "ana")
        XCTAssertTrue(full.parents)
        XCTAssertEqual(full.parentsDepth, 2)
        XCTAssertTrue(full.children)
        XCTAssertEqual(full.childrenDepth, 3)
        XCTAssertFalse(full.childrensParents)

        let at = try SelectionCriterion.parse("@source:ecom.raw_items")
        XCTAssertTrue(at.childrensParents)
        XCTAssertEqual(at.method, .source)
        XCTAssertEqual(at.value, "ecom.raw_items")

        let plain = try SelectionCriterion.parse("+orders")
        XCTAssertEqual(plain.method, .fqn)
        XCTAssertTrue(plain.parents)
        XCTAssertNil(plain.parentsDepth)
        XCTAssertFalse(plain.children)

        let numbered = try SelectionCriterion.parse("model2+")
        XCTAssertEqual(numbered.value, "model2")
        XCTAssertTrue(numbered.children)
        XCTAssertEqual(try SelectionCriterion.parse("2024_orders").value, "2024_orders")
    }

    func testDefaultMethodFollowsTheValueShape() throws {
        XCTAssertEqual(try SelectionCriterion.parse("models/staging+").method, .path)
        XCTAssertEqual(try SelectionCriterion.parse("models/staging+").value, "models/staging")
        XCTAssertEqual(try SelectionCriterion.parse("customers.sql").method, .file)
        XCTAssertEqual(try SelectionCriterion.parse("raw_orders.CSV").method, .file)
        XCTAssertEqual(try SelectionCriterion.parse("jaffle_shop.staging").method, .fqn)
    }

    func testParentOperators() throws {
        XCTAssertEqual(try select(["+customers"]), [
            "customers", "raw_customers", "raw_orders", "raw_payments", "stg_customers", "stg_orders", "stg_payments",
        ])
        XCTAssertEqual(try select(["1+customers"]), ["customers", "stg_customers", "stg_orders", "stg_payments"])
    }

    func testChildOperators() throws {
        XCTAssertEqual(try select(["stg_orders+"]), [
            "assert_orders_match_staging", "audit_orders", "customers", "not_null_orders_order_id", "orders",
            "relationships_orders_customer_id", "stg_orders", "unique_customers_customer_id", "weekly_report",
        ])
        XCTAssertEqual(try select(["stg_orders+1"]), ["assert_orders_match_staging", "customers", "orders",
                                                       "stg_orders"])
        XCTAssertEqual(try select(["+stg_orders+1"]), ["assert_orders_match_staging", "customers", "orders",
                                                        "raw_orders", "stg_orders"])
    }

    func testAtOperatorAddsTheAncestorsOfTheDescendants() throws {
        // relationships_orders_customer_id reads customers, so customers and its parents come in too.
        XCTAssertEqual(try select(["@stg_items"]), [
            "assert_orders_match_staging", "audit_orders", "customers", "not_null_orders_order_id", "orders",
            "raw_customers", "raw_items", "raw_orders", "raw_payments", "relationships_orders_customer_id",
            "stg_customers", "stg_items", "stg_orders", "stg_payments",
        ])
    }

    func testSpacesUniteAndSeveralSelectArgumentsUnite() throws {
        let expected = ["stg_orders", "stg_payments"]
        XCTAssertEqual(try select(["stg_orders stg_payments"]), expected)
        XCTAssertEqual(try select(["stg_orders", "stg_payments"]), expected)
        XCTAssertEqual(try select(["stg_orders  stg_payments "]), expected)
    }

    func testCommasIntersect() throws {
        XCTAssertEqual(try select(["tag:staging,config.materialized:view"]),
                       ["stg_customers", "stg_orders", "stg_payments"])
        XCTAssertEqual(try select(["tag:nightly,+orders", "stg_items"]), ["orders", "stg_items"])
    }

    func testExclusion() throws {
        XCTAssertEqual(try select(["staging"], exclude: ["stg_orders stg_payments"]),
                       ["source_not_null_raw_items_id", "stg_customers", "stg_items"])
        XCTAssertEqual(try select(["+customers"], exclude: ["resource_type:seed", "tag:staging"]), ["customers"])
    }

    func testNoSelectMeansEveryNode() throws {
        XCTAssertEqual(try select(nil).count, JaffleShopGraph.graph.count)
        XCTAssertEqual(try select([]).count, JaffleShopGraph.graph.count)
        XCTAssertEqual(try select(nil, exclude: ["marts", "audit_helper", "tag:ecom"]), [
            "assert_orders_match_staging", "assert_positive_payments", "raw_customers", "raw_orders", "raw_payments",
            "source_not_null_raw_items_id", "stg_customers", "stg_items", "stg_orders", "stg_payments",
            "weekly_report",
        ])
    }

    func testCriteriaMatchingNothingAreReportedNotFatal() throws {
        let spec = try SelectionSpec.parse(select: ["tag:nope orders", "fqn:zzz,orders"], exclude: ["ghost"])
        let selection = spec.evaluate(on: JaffleShopGraph.graph, indirect: .empty)
        XCTAssertEqual(selection.names, ["orders"])
        XCTAssertEqual(selection.unmatchedCriteria, ["tag:nope", "fqn:zzz,orders", "ghost"])
        XCTAssertEqual(selection.warnings.first, "The selection criterion 'tag:nope' does not match any enabled nodes")
        XCTAssertEqual(try SelectionSpec.parse(select: nil).evaluate(on: ProjectGraph(nodes: [])).warnings, [])
    }

    func testResourceTypeFilter() throws {
        let selection = try SelectionSpec.parse(select: ["+orders"]).evaluate(on: JaffleShopGraph.graph)
        XCTAssertEqual(selection.restricted(to: [.model]).names, ["orders", "stg_items", "stg_orders", "stg_payments"])
        XCTAssertEqual(selection.restricted(to: [.seed, .source]).uniqueIDs, [
            "seed.jaffle_shop.raw_orders", "seed.jaffle_shop.raw_payments", "source.jaffle_shop.ecom.raw_items",
        ])
    }

    func testUnknownMethodIsAUsageErrorListingTheMethods() {
        XCTAssertThrowsError(try SelectionSpec.parse(select: ["orders", "colour:red"])) { error in
            let error = error as? DBTError
            XCTAssertEqual(error?.kind, .usage)
            XCTAssertEqual(error?.message, "'colour' is not a valid method name; valid methods are: config, exposure, "
                           + "file, fqn, metric, package, path, resource_type, result, saved_query, semantic_model, source, source_status, "
                           + "state, tag, test_name, test_type, unit_test, version")
        }
        XCTAssertThrowsError(try SelectionSpec.parse(select: ["wildcard:x"])) { error in
            XCTAssertEqual((error as? DBTError)?.message, "the 'wildcard' selector method is not supported by swiftdbt")
        }
    }

    func testInvalidSpecsAreUsageErrors() {
        let cases = [
            "@orders+": "Invalid node spec @orders+ - \"@\" prefix and \"+\" suffix are incompatible",
            "source:a.b.c.d": "Invalid source selector value \"a.b.c.d\". Sources must be of the form "
                + "`${source_name}`, `${source_name}.${target_name}`, or "
                + "`${package_name}.${source_name}.${target_name}`",
            "test_type:fuzzy": "Invalid test type selector fuzzy: expected \"generic\", \"singular\", "
                + "\"unit\", or \"data\"",
            "resource_type:widget": "Invalid resource_type selector \"widget\"",
            "99999999999999999999+orders": "Invalid node spec - could not handle parent depth 99999999999999999999 "
                + "in 99999999999999999999+orders",
        ]
        for (raw, message) in cases {
            XCTAssertThrowsError(try SelectionSpec.parse(select: nil, exclude: [raw]), raw) { error in
                XCTAssertEqual((error as? DBTError)?.kind, .usage)
                XCTAssertEqual((error as? DBTError)?.message, message)
            }
        }
    }
}
