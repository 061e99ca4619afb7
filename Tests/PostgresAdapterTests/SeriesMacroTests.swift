import Foundation
import TestSupport
import XCTest
@testable import PostgresAdapter
@testable import SwiftDBT

/// The dbt namespace's generate_series, get_powers_of_two, get_intervals_between, date_spine, date, equals and array
/// helpers build the tables dbt-core and dbt-postgres build from the `execution/series_macros` fixture (recorded by
/// scripts/record-series-macros.py), on PostgreSQL and on SQLite alike: values with their types (a float stays a
/// float), rows in any order.
final class SeriesMacroTests: XCTestCase {
    private var root = ""
    private var schema = ""
    private var environment: [String: String] = [:]

    /// One table as the reference has it: each value shown with its type (`int 1`, `real 1.0`, `text x`).
    private struct Table: Decodable {
        let columns: [String]
        let rows: [[String]]
    }

    override func setUpWithError() throws {
        environment = try requirePostgres()
        (root, schema) = try projectWithBothTargets("execution/series_macros", profile: "series_macros")
    }

    override func tearDownWithError() throws {
        removeProject(root, schema: schema, environment: environment)
    }

    func testTablesAsDbtBuildsThemOnBothAdapters() throws {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("reference/series-macros.json"))
        let reference = try JSONDecoder().decode([String: Table].self, from: data)
        XCTAssertEqual(reference.keys.sorted(), ["arrays", "equals", "intervals", "powers", "series", "spine_days", "spine_months"])
        for target in ["postgres", "sqlite"] {
            let loaded = try load(root, target: target, environment: environment)
            let (results, connection) = try build(loaded)
            XCTAssertEqual(results.filter(\.isFailure).map(\.message), [], target)
            for (name, expected) in reference {
                let node = try XCTUnwrap(loaded.manifest.node("model.series_macros.\(name)"))
                let relation = try XCTUnwrap(node.relation.map(loaded.session.dialect.render))
                let table = try connection.query("select * from \(relation)", limit: nil)
                XCTAssertEqual(table.columns, expected.columns, "\(target) \(name)")
                XCTAssertEqual(table.rows.map { $0.map(shown) }.sorted { $0.lexicographicallyPrecedes($1) },
                               expected.rows, "\(target) \(name)")
            }
        }
    }

    private func shown(_ value: DatabaseValue) -> String {
        switch value {
        case .integer(let i): return "int \(i)"
        case .real(let d): return "real \(d)"
        case .text(let s): return "text \(s)"
        default: return "\(value)"
        }
    }
}
