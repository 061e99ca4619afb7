import Foundation
import TestSupport
import XCTest
@testable import PostgresAdapter
@testable import SwiftDBT

/// `materialized: materialized_view` on the real PostgreSQL server (fixture `execution/materialized_views`):
/// created with its indexes, refreshed on later runs, index changes handled as `on_configuration_change`
/// says, replaced by `--full-refresh`; each step compared with what dbt-core 1.10 and dbt-postgres did.
final class MaterializedViewPostgresTests: XCTestCase {
    private var environment: [String: String] = [:]

    override func setUpWithError() throws {
        environment = try requirePostgres()
    }

    /// Steps recorded by scripts/record-materialized-view-reference.py: exit codes, failed models' messages,
    /// warnings, and each relation's kind, rows and indexes (columns, uniqueness; names differ: dbt hashes them).
    func testSameRelationsAsDbtPostgres() throws {
        let file = fixtures.appendingPathComponent("reference/materialized-views.json")
        let recorded = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let steps = try XCTUnwrap(recorded["postgres"] as? [String: [String: Any]])
        XCTAssertEqual(steps.count, 5)
        for (name, step) in steps.sorted(by: { $0.key < $1.key }) {
            let (copy, schema) = try projectWithBothTargets("execution/materialized_views", profile: "materialized_views")
            let connection = try connect(try load(copy, target: "postgres", environment: environment))
            addTeardownBlock {
                try? connection.execute("drop schema if exists \"\(schema)\" cascade")
                try? FileManager.default.removeItem(atPath: (copy as NSString).deletingLastPathComponent)
            }
            let runs = try XCTUnwrap(step["runs"] as? [[String]])
            let outputs = try runs.map { arguments in
                try runCLI(arguments + ["--target", "postgres", "--profiles-dir", copy], in: copy, environment: environment)
            }
            XCTAssertEqual(outputs.map { Int($0.code) }, step["exit_codes"] as? [Int], name + outputs.map(\.stdout).joined())
            let messages = try XCTUnwrap(step["messages"] as? [[String: String]])
            let warnings = try XCTUnwrap(step["warnings"] as? [[String]])
            // The recording's schema (`ref_` and 8 hex digits) is this copy's.
            let ownSchema = { (text: String) in
                text.replacingOccurrences(of: "ref_[0-9a-f]{8}", with: schema, options: .regularExpression)
            }
            for (index, output) in outputs.enumerated() {
                for (_, message) in messages[index].mapValues(ownSchema) {
                    // The sentence dbt's error carries, whatever dbt calls its kind of error.
                    let sentence = try XCTUnwrap(message.split(separator: "\n").dropFirst().first).trimmingCharacters(in: .whitespaces)
                    XCTAssert(output.stdout.contains(sentence), "\(name): '\(sentence)' in\n\(output.stdout)")
                }
                for warning in warnings[index].map(ownSchema) {
                    XCTAssert(output.stdout.contains(warning), "\(name): '\(warning)' in\n\(output.stdout)")
                }
            }
            XCTAssertEqual(try relations(schema, connection), try XCTUnwrap(step["relations"] as? [String: Any]) as NSDictionary, name)
        }
    }

    /// Each relation of `schema`: its kind, sorted rows and indexes, shaped as the recording script writes them.
    private func relations(_ schema: String, _ connection: any DatabaseConnection) throws -> NSDictionary {
        let literal = "'" + schema + "'"
        let found = try connection.query("select c.relname, case c.relkind when 'r' then 'table' when 'v' then 'view' "
                                         + "else 'materialized_view' end from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                                         + "where n.nspname = \(literal) and c.relkind in ('r', 'v', 'm') order by 1", limit: nil)
        let result = NSMutableDictionary()
        for row in found.rows {
            guard case .text(let name) = row[0], case .text(let kind) = row[1] else { continue }
            let rows = try connection.query("select * from \"\(schema)\".\"\(name)\"", limit: nil).rows.map { row in
                row.map { value -> Any in
                    switch value {
                    case .integer(let i): return NSNumber(value: i)
                    case .text(let t): return t
                    default: return NSNull()
                    }
                }
            }.sorted { "\($0)" < "\($1)" }
            let indexes = try connection.query(
                "select x.indisunique, array_to_string(array(select a.attname from unnest(x.indkey) k(n) join pg_attribute a "
                + "on a.attrelid = x.indrelid and a.attnum = k.n), ',') from pg_index x join pg_class t on t.oid = x.indrelid "
                + "join pg_namespace n on n.oid = t.relnamespace where n.nspname = \(literal) and t.relname = '\(name)' order by 2, 1",
                limit: nil).rows.map { index -> NSDictionary in
                    var unique = false
                    if case .bool(let flag) = index[0] { unique = flag }
                    if case .text(let flag) = index[0] { unique = flag == "t" }
                    return ["columns": { if case .text(let c) = index[1] { return c } else { return "" } }(), "unique": unique]
                }
            result[name] = ["kind": kind, "rows": rows, "indexes": indexes] as NSDictionary
        }
        return result
    }
}
