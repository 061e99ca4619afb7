import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// A contracted model's versions each build with their own columns and constraints (fixture
/// `execution/version_contracts`: v2 drops a column, adds one with a check, and has its own model-level constraint in
/// place of the model's): the tables dbt-core 1.10 builds with dbt-postgres 1.9 and dbt-sqlite 1.10
/// (scripts/record-version-contracts-reference.py), columns, types, nullability and constraints.
final class VersionContractTests: XCTestCase {
    func testVersionsHaveTheirOwnConstraintsOnPostgres() throws {
        try assertSameTables(target: "postgres", environment: try requirePostgres())
    }

    func testVersionsHaveTheirOwnColumnsOnSQLite() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["PGHOST"] = environment["PGHOST"] ?? "localhost"
        try assertSameTables(target: "sqlite", environment: environment)
    }

    private func assertSameTables(target: String, environment: [String: String]) throws {
        let file = fixtures.appendingPathComponent("reference/version-contracts.json")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        let expected = try XCTUnwrap(document?[target] as? [String: Any])
        let (root, schema) = try projectWithBothTargets("execution/version_contracts", profile: "version_contracts")
        defer { removeProject(root, schema: schema, environment: environment) }
        let run = try runCLI(["run", "--target", target, "--profiles-dir", root], in: root, environment: environment)
        XCTAssertEqual(run.code, Int32(expected["exit_code"] as? Int ?? -1), run.stdout + run.stderr)
        let connection = try connect(try load(root, target: target, environment: environment))
        let text = { (rows: [[DatabaseValue]]) in
            rows.map { row in
                row.map { value -> String in
                    switch value {
                    case .integer(let number): return String(number)
                    case .text(let text): return text
                    case .bool(let flag): return flag ? "True" : "False"
                    default: return ""
                    }
                }
            }
        }
        let tables = try XCTUnwrap(expected["tables"] as? [String: [String: [[String]]]])
        XCTAssertEqual(tables.count, 2)
        for (table, described) in tables.sorted(by: { $0.key < $1.key }) {
            if target == "sqlite" {
                let columns = try connection.query("select name, type, \"notnull\", pk from pragma_table_info('\(table)') order by cid",
                                                   limit: nil).rows
                XCTAssertEqual(text(columns), described["columns"], table)
            } else {
                let columns = try connection.query("select column_name, data_type, is_nullable from information_schema.columns "
                                                   + "where table_schema = '\(schema)' and table_name = '\(table)' order by ordinal_position",
                                                   limit: nil).rows
                XCTAssertEqual(text(columns), described["columns"], table)
                let constraints = try connection.query("select contype::text, pg_get_constraintdef(oid) from pg_constraint "
                                                       + "where conrelid = '\"\(schema)\".\"\(table)\"'::regclass order by 1, 2",
                                                       limit: nil).rows
                XCTAssertEqual(text(constraints), described["constraints"], table)
            }
        }
    }
}
