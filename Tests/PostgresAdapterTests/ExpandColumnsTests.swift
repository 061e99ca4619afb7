import Foundation
import TestSupport
import XCTest
@testable import PostgresAdapter
@testable import SwiftDBT

/// `adapter.expand_target_column_types` leaves the target table as dbt-postgres leaves it (recorded by
/// scripts/record-expand-columns.py from the `execution/expand_columns` fixture's operation): narrower string
/// columns widened to the goal's `character varying(n)` (`text` counting as 256) and moved to the end, the rest and
/// the rows unchanged. On SQLite, which enforces no sizes, nothing changes. `alter_column_type` (the `alter_types`
/// operation) leaves a table's columns and rows as dbt-postgres leaves them.
final class ExpandColumnsTests: XCTestCase {
    private var root = ""
    private var schema = ""
    private var environment: [String: String] = [:]

    private struct Reference: Decodable {
        let columns: [[Cell]]
        let rows: [[Cell]]
        let alteredColumns: [[Cell]]
        let alteredRows: [[Cell]]

        enum CodingKeys: String, CodingKey {
            case columns, rows, alteredColumns = "altered_columns", alteredRows = "altered_rows"
        }
    }

    /// A recorded value: text, an integer or null, shown as `DatabaseValue.display` shows it.
    private struct Cell: Decodable {
        let shown: String
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                shown = "NULL"
            } else if let integer = try? container.decode(Int.self) {
                shown = String(integer)
            } else {
                shown = try container.decode(String.self)
            }
        }
    }

    override func setUpWithError() throws {
        environment = try requirePostgres()
        (root, schema) = try projectWithBothTargets("execution/expand_columns", profile: "expand_columns")
    }

    override func tearDownWithError() throws {
        removeProject(root, schema: schema, environment: environment)
    }

    func testNarrowColumnsWidenAsDbtPostgresWidensThem() throws {
        let reference = try recorded()
        try assertTable("narrow", after: "expand_columns", columns: reference.columns, rows: reference.rows)
    }

    func testAlterColumnTypeChangesTypesAsDbtPostgres() throws {
        let reference = try recorded()
        try assertTable("altered", after: "alter_types", columns: reference.alteredColumns, rows: reference.alteredRows)
    }

    private func recorded() throws -> Reference {
        try JSONDecoder().decode(Reference.self, from: Data(contentsOf: fixtures.appendingPathComponent("reference/expand-columns.json")))
    }

    /// Runs the fixture's `operation` on PostgreSQL and compares `table`'s columns (name, type, size) and rows.
    private func assertTable(_ table: String, after operation: String, columns: [[Cell]], rows: [[Cell]],
                             file: StaticString = #filePath, line: UInt = #line) throws {
        let connection = try connect(try load(root, target: "postgres", environment: environment))
        try connection.createSchema(schema)
        let run = try runCLI(["run-operation", operation, "--target", "postgres", "--profiles-dir", root], in: root, environment: environment)
        XCTAssertEqual(run.code, 0, run.stdout + run.stderr, file: file, line: line)
        let described = try connection.query("""
            select column_name, data_type, character_maximum_length from information_schema.columns
            where table_schema = '\(schema)' and table_name = '\(table)' order by ordinal_position
            """, limit: nil)
        XCTAssertEqual(described.rows.map { $0.map(\.display) }, columns.map { $0.map(\.shown) }, file: file, line: line)
        XCTAssertEqual(try connection.query("select * from \"\(schema)\".\"\(table)\"", limit: nil).rows.map { $0.map(\.display) },
                       rows.map { $0.map(\.shown) }, file: file, line: line)
    }

    func testNothingWidensOnSQLite() throws {
        let run = try runCLI(["run-operation", "expand_columns", "--target", "sqlite", "--profiles-dir", root], in: root, environment: environment)
        XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
        let connection = try connect(try load(root, target: "sqlite", environment: environment))
        XCTAssertEqual(try connection.query("select name, type from pragma_table_info('narrow') order by cid", limit: nil).rows,
                       [[.text("code"), .text("varchar(5)")], [.text("label"), .text("TEXT")], [.text("n"), .text("INTEGER")],
                        [.text("note"), .text("varchar(40)")]])
    }
}
