import XCTest
@testable import SwiftDBT

/// `selectors.yml`: the three definition forms, set operators, `exclude`, inheritance, defaults and errors.
final class SelectorFileTests: XCTestCase {
    private let yaml = """
        selectors:
          - name: upstream_of_customers
            description: CLI-style string
            definition: '+customers'
          - name: nightly
            definition:
              tag: nightly
          - name: staging_and_children
            definition:
              method: path
              value: models/staging
              children: true
              children_depth: 1
              indirect_selection: empty
          - name: diet
            default: true
            definition:
              union:
                - intersection:
                    - '@source:ecom'
                    - 'tag:nightly'
                - 'models/staging/stg_customers.sql'
                - exclude:
                    - intersection:
                        - 'package:jaffle_shop'
                        - 'config.materialized:incremental'
                    - stg_customers
          - name: nightly_without_orders
            definition:
              intersection:
                - method: selector
                  value: nightly
                - exclude:
                    - method: fqn
                      value: orders
          - name: orders_cautiously
            definition:
              method: fqn
              value: orders
              indirect_selection: cautious
              exclude:
                - test_name:not_null
        """

    private func names(_ selector: String) throws -> [String] {
        try SelectorFile.parse(yaml: yaml).spec(named: selector)
            .evaluate(on: JaffleShopGraph.graph, rootProject: JaffleShopGraph.project).names
    }

    private func parseError(_ text: String) -> DBTError? {
        do {
            _ = try SelectorFile.parse(yaml: text)
            XCTFail("expected an error for:\n\(text)")
            return nil
        } catch {
            return error as? DBTError
        }
    }

    func testStringAndKeyValueFormsMatchTheCommandLine() throws {
        XCTAssertEqual(try names("upstream_of_customers"), try JaffleShopGraph.select(["+customers"]))
        XCTAssertEqual(try names("nightly"), try JaffleShopGraph.select(["tag:nightly"]))
    }

    func testFullFormWithGraphOperatorKeysAndAModeOverride() throws {
        XCTAssertEqual(try names("staging_and_children"),
                       try JaffleShopGraph.select(["models/staging+1"], indirect: .empty))
    }

    func testUnionIntersectionAndExcludeMatchTheCommandLine() throws {
        let cli = try JaffleShopGraph.select(["@source:ecom,tag:nightly models/staging/stg_customers.sql"],
                                             exclude: ["package:jaffle_shop,config.materialized:incremental",
                                                       "stg_customers"])
        XCTAssertEqual(try names("diet"), cli)
        XCTAssertEqual(cli, ["customers", "unique_customers_customer_id"])
    }

    func testSelectorInheritanceAndCriterionExclude() throws {
        XCTAssertEqual(try names("nightly_without_orders"),
                       try JaffleShopGraph.select(["tag:nightly"], exclude: ["orders"]))
        XCTAssertEqual(try names("orders_cautiously"), ["orders"])
    }

    func testDefaultAndDescription() throws {
        let file = try SelectorFile.parse(yaml: yaml)
        XCTAssertEqual(file.defaultEntry?.name, "diet")
        XCTAssertEqual(file.entries.first?.description, "CLI-style string")
        XCTAssertEqual(file.entries.map(\.name).count, 6)
        XCTAssertNil(try SelectorFile.parse(yaml: "").defaultEntry)
    }

    func testUnknownSelectorNameIsAUsageError() {
        XCTAssertThrowsError(try SelectorFile.parse(yaml: yaml).spec(named: "weekly")) { error in
            XCTAssertEqual((error as? DBTError)?.kind, .usage)
            XCTAssertEqual((error as? DBTError)?.message, "Could not find selector named weekly, expected one of "
                           + "[upstream_of_customers, nightly, staging_and_children, diet, nightly_without_orders, "
                           + "orders_cautiously]")
        }
    }

    func testUnknownMethodIsReportedAtItsLineAndColumn() {
        let error = parseError("""
            selectors:
              - name: bad
                definition:
                  method: colour
                  value: red
            """)
        XCTAssertEqual(error?.kind, .project)
        XCTAssertEqual(error?.location, FileLocation(path: "selectors.yml", line: 4, column: 15))
        XCTAssertEqual(error?.sourceLine, "      method: colour")
        XCTAssertEqual(error?.message.hasPrefix("'colour' is not a valid method name"), true)
    }

    func testDefinitionErrorsPointAtTheirNodes() {
        let cases: [(String, String, Int, Int)] = [
            ("""
            selectors:
              - name: bad
                definition:
                  union:
                    - orders
                    - '@orders+'
            """, "Invalid node spec @orders+ - \"@\" prefix and \"+\" suffix are incompatible", 6, 11),
            ("""
            selectors:
              - name: bad
                definition:
                  union: tag:nightly
            """, "Invalid value for key \"union\". Expected a list.", 4, 14),
            ("""
            selectors:
              - name: bad
                definition:
                  union: [orders]
                  exclude: [customers]
            """, "Only a single 'union' or 'intersection' key is allowed in a root level selector definition; "
                + "found union,exclude.", 4, 7),
            ("""
            selectors:
              - name: bad
                definition:
                  value: orders
                  children: true
            """, "Expected either 1 key or else \"method\" and \"value\" keys, but got ['value', 'children']", 4, 7),
            ("""
            selectors:
              - name: bad
                definition:
                  method: selector
                  value: nope
            """, "Existing selector definition for nope not found.", 5, 14),
            ("""
            selectors:
              - name: a
                default: true
                definition: orders
              - name: b
                default: true
                definition: customers
            """, "Found multiple selectors with `default: true`: a and b", 6, 14),
            ("""
            selectors:
              - name: bad
                definition:
                  union:
                    - intersection: [orders]
                    - exclude: [a]
                    - exclude: [b]
            """, "You cannot provide multiple exclude arguments to the same selector set operator", 7, 11),
        ]
        for (text, message, line, column) in cases {
            let error = parseError(text)
            XCTAssertEqual(error?.message, message)
            XCTAssertEqual(error?.location?.line, line, message)
            XCTAssertEqual(error?.location?.column, column, message)
        }
    }

    func testYAMLSyntaxErrorsCarryTheirLocation() {
        let error = parseError("selectors:\n  - name: [unclosed\n    definition: x\n")
        XCTAssertEqual(error?.kind, .project)
        XCTAssertEqual(error?.message.hasPrefix("invalid YAML: "), true)
        XCTAssertEqual(error?.location?.path, "selectors.yml")
        XCTAssertNotNil(error?.location?.line)
    }
}
