import Foundation
import SQLiteAdapter
import TestSupport
import XCTest
@testable import SwiftDBT

/// `unit_tests:` in property files are read and checked as dbt-core 1.10 checks them when it parses (the broken
/// fixtures `unit_test_*` hold dbt's messages, checked by scripts/check-unit-test-reference.py) and become nodes.
final class UnitTestLoadingTests: XCTestCase {
    /// The fixture project (dict, csv and sql rows, inline and from `tests/fixtures`, overrides, a source input)
    /// loads; every enabled unit test is a `unit_test` node depending on its model, named as dbt names it (a disabled
    /// one naming no model is not checked, as in dbt); fixture files are not singular tests; nothing warns.
    func testUnitTestsLoadAsNodes() throws {
        let root = try copyFixture("unit_tests")
        defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(root)) }
        let lines = LogLines()
        var adapters = AdapterRegistry()
        adapters.register(SQLiteAdapterFactory())
        let loaded = try ProjectLoader.load(LoadOptions(projectDirectory: root, environment: isolatedEnvironment(),
                                                        log: { lines.append($0) }), adapters: adapters)
        XCTAssertEqual(loaded.manifest.nodes.map(\.uniqueID).sorted(), [
            "model.unit_tests.customer_totals", "model.unit_tests.stg_orders",
            "unit_test.unit_tests.customer_totals.totals_csv_fixture", "unit_test.unit_tests.customer_totals.totals_dict",
            "unit_test.unit_tests.stg_orders.staging_sql",
        ])
        let staging = try XCTUnwrap(loaded.manifest.node("unit_test.unit_tests.stg_orders.staging_sql"))
        XCTAssertEqual(staging.dependsOn, ["model.unit_tests.stg_orders"])
        XCTAssertEqual(staging.fqn, ["unit_tests", "stg_orders", "staging_sql"])
        XCTAssertEqual(staging.config.tags, ["staging"])
        XCTAssertEqual(lines.all.filter { $0.contains("unit test") }, [])
    }

    /// The rows of each entry are read in their format; a `given` in dict format without rows (dbt reads the seed
    /// of that name) has none.
    func testRowsAreReadInTheirFormat() throws {
        let text = try String(contentsOf: fixturesFolder.appendingPathComponent("unit_tests/models/schema.yml"), encoding: .utf8)
        let specs = try PropertyFileParser.parse(text, path: "schema.yml", shownAs: "schema.yml").unitTests
        XCTAssertEqual(specs.map(\.name), ["totals_dict", "totals_csv_fixture", "staging_sql", "switched_off"])
        XCTAssertEqual(specs.map(\.model), ["customer_totals", "customer_totals", "stg_orders", "not_a_model"])
        XCTAssertEqual(specs.flatMap { $0.given.map(\.input) }, ["ref('stg_orders')", "ref('stg_orders')", "source('shop', 'orders')"])
        XCTAssertEqual(specs.flatMap { $0.given.map(\.rows.format) } + specs.map(\.expect.format),
                       [.dict, .csv, .sql, .dict, .csv, .sql, .dict])
        guard case .fixture("some_orders")? = specs[1].given.first?.rows.source,
              case .inline(.string("customer_id,total,currency\n10,12,USD\n"))? = specs[1].expect.source,
              case .fixture("one_order")? = specs[2].expect.source else {
            return XCTFail("rows read as \(specs.map(\.expect.source))")
        }
        XCTAssertEqual(specs[1].overrides["vars"], .dict([("currency", .string("USD"))]))
        XCTAssertEqual(specs[2].config.first?.key, "tags")
        let seedInput = "version: 2\nunit_tests:\n  - name: t\n    model: m\n    given:\n      - input: ref('s')\n    expect: {rows: []}\n"
        let parsed = try PropertyFileParser.parse(seedInput, path: "s.yml", shownAs: "s.yml").unitTests
        XCTAssertNil(parsed.first?.given.first?.rows.source)
    }

    /// A format other than dict, csv and sql is refused where it is written.
    func testUnknownFormatIsAnError() {
        let text = "version: 2\nunit_tests:\n  - name: t\n    model: m\n    expect:\n      format: json\n      rows: '[]'\n"
        XCTAssertThrowsError(try PropertyFileParser.parse(text, path: "s.yml", shownAs: "s.yml")) { error in
            XCTAssertEqual("\(error)", "s.yml:6:15: 'format' of unit test 't' must be dict, csv or sql, not 'json'\n"
                           + "        format: json\n                ^")
        }
    }
}
