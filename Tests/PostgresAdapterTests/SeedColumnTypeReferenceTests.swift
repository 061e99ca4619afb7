import Foundation
import XCTest
@testable import SwiftDBT

/// Seeds get the column types dbt's adapter declares for them: the seeds of `execution/seeds` loaded on SQLite and
/// on PostgreSQL have the types dbt-core 1.10 gave them (recorded by scripts/record-seed-column-types.py: dbt-sqlite
/// declares `INT`, `REAL` and `TEXT`, dbt-postgres `integer`, `double precision`, `boolean`, `date`, `text`,
/// `timestamp without time zone`), `column_types` overrides included.
final class SeedColumnTypeReferenceTests: XCTestCase {
    /// Columns whose type swiftdbt infers differently on purpose: a number with a leading zero (`00501`) stays
    /// text (see SeedNumberSyntax), where dbt loads it as an integer.
    private let deliberateDifferences: Set<String> = ["typed.zip"]

    func testSQLiteSeedsDeclareDbtSQLitesTypes() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["PGHOST"] = environment["PGHOST"] ?? "localhost"  // the unused postgres output still renders
        try assertReferenceTypes(target: "sqlite", environment: environment) { table, _ in
            "select name, type from pragma_table_info('\(table)') order by cid"
        }
    }

    func testPostgresSeedsDeclareDbtPostgresTypes() throws {
        try assertReferenceTypes(target: "postgres", environment: try requirePostgres()) { table, schema in
            "select a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a where a.attrelid = "
                + "to_regclass('\(schema).\(table)') and a.attnum > 0 and not a.attisdropped order by a.attnum"
        }
    }

    private func assertReferenceTypes(target: String, environment: [String: String], columnsQuery: (_ table: String, _ schema: String) -> String) throws {
        let reference = try JSONSerialization.jsonObject(with: Data(contentsOf: fixtures.appendingPathComponent("reference/seed-column-types.json")))
        let expected = try XCTUnwrap((reference as? [String: Any])?[target] as? [String: [[String]]])
        let (root, schema) = try projectWithBothTargets("execution/seeds", profile: "seeds")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let loaded = try load(root, target: target, environment: environment)
        let (results, connection) = try build(loaded)
        XCTAssertEqual(results.filter(\.isFailure).map(\.message), [])
        XCTAssertEqual(Set(expected.keys), Set(loaded.manifest.nodes.filter { $0.resourceType == .seed }.map(\.name)))
        for (table, columns) in expected {
            let found = try connection.query(columnsQuery(table, schema), limit: nil).rows.map { row in
                row.map { value -> String in if case .text(let text) = value { return text } else { return "\(value)" } }
            }
            XCTAssertEqual(found.map { $0.first ?? "" }, columns.map { $0.first ?? "" }, table)
            for (column, type) in zip(found, columns) where !deliberateDifferences.contains("\(table).\(column.first ?? "")") {
                XCTAssertEqual(column.last, type.last, "\(target): \(table).\(column.first ?? "")")
            }
        }
    }
}
