import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// A project's `list_relations_without_caching` fills the run's relation cache, as dbt's adapters call it per schema
/// (fixture `execution/list_relations_override`, which hides the relations named `hidden_*`): `adapter.get_relation`
/// does not find a hidden seed, and a hidden seed or incremental model is created again, which the database refuses
/// (on SQLite with another sentence than dbt-sqlite's, see below).
final class ListRelationsOverrideTests: XCTestCase {
    /// Each run's exit code and failed nodes' messages, then every table's rows, as recorded from dbt-core 1.10
    /// (dbt-sqlite, dbt-postgres) by scripts/record-list-relations-override.py.
    func testOverrideFillsTheCacheAsDbtSQLite() throws {
        try compare("sqlite", environment: [:])
    }

    func testOverrideFillsTheCacheAsDbtPostgres() throws {
        try compare("postgres", environment: try requirePostgres())
    }

    private func compare(_ adapter: String, environment: [String: String]) throws {
        let file = fixtures.appendingPathComponent("reference/list-relations-override.json")
        let recorded = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let step = try XCTUnwrap(recorded[adapter] as? [String: Any])
        let (copy, schema) = try projectWithBothTargets("execution/list_relations_override", profile: "list_relations_override")
        defer { removeProject(copy, schema: schema, environment: environment) }
        let runs = try XCTUnwrap(step["runs"] as? [[String]])
        let outputs = try runs.map { arguments in
            try runCLI(arguments + ["--target", adapter, "--profiles-dir", copy], in: copy, environment: environment)
        }
        XCTAssertEqual(outputs.map { Int($0.code) }, step["exit_codes"] as? [Int], outputs.map(\.stdout).joined())
        let messages = try XCTUnwrap(step["messages"] as? [[String: String]])
        XCTAssertEqual(outputs.map { !$0.stdout.contains("ERROR=0") }, messages.map { !$0.isEmpty })
        // SQLite's sentence differs: swiftdbt builds under `__dbt_tmp` and renames it in, which SQLite refuses as
        // "there is already another table", where dbt-sqlite's `create table` is refused as "already exists".
        guard adapter == "postgres" else { return try compareTables(adapter, copy: copy, schema: schema, step: step, environment: environment) }
        for (index, output) in outputs.enumerated() {
            for (node, message) in messages[index] {
                // The database's sentence under dbt's first line.
                let sentence = try XCTUnwrap(message.split(separator: "\n").dropFirst().first).trimmingCharacters(in: .whitespaces)
                XCTAssert(output.stdout.contains(sentence), "\(node): '\(sentence)' in\n\(output.stdout)")
            }
        }
        try compareTables(adapter, copy: copy, schema: schema, step: step, environment: environment)
    }

    /// Every table's sorted rows against the recording's.
    private func compareTables(_ adapter: String, copy: String, schema: String, step: [String: Any],
                               environment: [String: String]) throws {
        let connection = try connect(try load(copy, target: adapter, environment: environment))
        let names = try connection.query(adapter == "sqlite"
            ? "select name from sqlite_master where type = 'table' order by 1"
            : "select table_name from information_schema.tables where table_schema = '\(schema)' order by 1", limit: nil).rows
        var tables: [String: [[String]]] = [:]
        for row in names {
            guard case .text(let name) = row[0] else { continue }
            let relation = adapter == "sqlite" ? "\"\(name)\"" : "\"\(schema)\".\"\(name)\""
            tables[name] = try connection.query("select * from \(relation)", limit: nil).rows.map { row in
                row.map { value -> String in
                    switch value {
                    case .integer(let number): "\(number)"
                    case .text(let text): text
                    default: "\(value)"
                    }
                }
            }.sorted { $0.lexicographicallyPrecedes($1) }
        }
        XCTAssertEqual(tables, try XCTUnwrap(step["tables"] as? [String: [[String]]]))
    }
}
