import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// Two corners of the built-in materializations, each compared with what dbt-core 1.10 did (recorded by
/// scripts/record-mv-docs-and-seed-over-views.py): `persist_docs` on a `materialized_view` model (fixture
/// `execution/mv_persist_docs`, PostgreSQL), and seeding where a view or a materialized view holds a seed's name
/// (fixture `execution/seed_over_views`), on the Swift fast path and through the seed macro.
final class MaterializedViewDocsAndSeedTests: XCTestCase {
    private func recorded() throws -> [String: Any] {
        let file = fixtures.appendingPathComponent("reference/mv-docs-and-seed-over-views.json")
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
    }

    /// The materialized view's comment after it is created and after it is refreshed; its columns get none.
    func testMaterializedViewCommentAsDbtPostgres() throws {
        let environment = try requirePostgres()
        let steps = try XCTUnwrap((try recorded()["postgres"] as? [String: Any])?["mv_persist_docs"] as? [[String: Any]])
        XCTAssertEqual(steps.count, 2)
        let (root, schema) = try projectWithBothTargets("execution/mv_persist_docs", profile: "mv_persist_docs")
        defer { removeProject(root, schema: schema, environment: environment) }
        let connection = try connect(try load(root, target: "postgres", environment: environment))
        for (index, step) in steps.enumerated() {
            let run = try runCLI(["run", "--target", "postgres", "--profiles-dir", root], in: root, environment: environment)
            XCTAssertEqual(Int(run.code), step["exit_code"] as? Int, run.stdout + run.stderr)
            let relation = try connection.query("""
                select obj_description(c.oid, 'pg_class') from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = '\(schema)' and c.relname = 'mv'
                """, limit: nil).rows.first?.first?.display
            XCTAssertEqual(relation, step["relation"] as? String, "run \(index + 1)")
            let columns = try connection.query("""
                select a.attname, col_description(c.oid, a.attnum) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid where n.nspname = '\(schema)' and c.relname = 'mv' and a.attnum > 0
                order by a.attnum
                """, limit: nil).rows.map { $0.map(\.display) }
            let expected = try XCTUnwrap(step["columns"] as? [[Any]]).map { $0.map { ($0 as? String) ?? "NULL" } }
            XCTAssertEqual(columns, expected, "run \(index + 1)")
        }
    }

    func testSeedOverViewsAsDbtSQLite() throws {
        for materializations in ["", "macros"] {
            try seedOverViews("sqlite", environment: [BuiltinMaterializations.environmentVariable: materializations])
        }
    }

    func testSeedOverViewsAsDbtPostgres() throws {
        let environment = try requirePostgres()
        for materializations in ["", "macros"] {
            try seedOverViews("postgres", environment: environment.merging([BuiltinMaterializations.environmentVariable: materializations]) { $1 })
        }
    }

    /// `run-operation make_relations`, then `seed`: the exit code, each failed seed's sentence, every relation's kind.
    private func seedOverViews(_ adapter: String, environment: [String: String]) throws {
        let step = try XCTUnwrap((try recorded()[adapter] as? [String: Any])?["seed_over_views"] as? [String: Any])
        let (root, schema) = try projectWithBothTargets("execution/seed_over_views", profile: "seed_over_views")
        defer { removeProject(root, schema: schema, environment: environment) }
        let connection = try connect(try load(root, target: adapter, environment: environment))
        if adapter == "postgres" { try connection.createSchema(schema) }
        let made = try runCLI(["run-operation", "make_relations", "--target", adapter, "--profiles-dir", root], in: root, environment: environment)
        XCTAssertEqual(made.code, 0, made.stdout + made.stderr)
        let seeded = try runCLI(["seed", "--target", adapter, "--profiles-dir", root], in: root, environment: environment)
        let label = "\(adapter) \(environment[BuiltinMaterializations.environmentVariable] ?? "")"
        XCTAssertEqual(Int(seeded.code), step["exit_code"] as? Int, label + seeded.stdout + seeded.stderr)
        for (seed, message) in try XCTUnwrap(step["messages"] as? [String: String]) {
            // The recording's schema (`ref_` and 8 hex digits) is this copy's.
            let sentence = try XCTUnwrap(message.split(separator: "\n").dropFirst().first).trimmingCharacters(in: .whitespaces)
                .replacingOccurrences(of: "ref_[0-9a-f]{8}", with: schema, options: .regularExpression)
            XCTAssert(seeded.stdout.contains(sentence), "\(label) \(seed): '\(sentence)' in\n\(seeded.stdout)")
        }
        let kinds = try connection.query(adapter == "sqlite"
            ? "select name, type from sqlite_master where type in ('table', 'view') order by 1"
            : "select c.relname, case c.relkind when 'r' then 'table' when 'v' then 'view' else 'materialized_view' end "
              + "from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = '\(schema)' "
              + "and c.relkind in ('r', 'v', 'm') order by 1", limit: nil).rows
        var found: [String: String] = [:]
        for row in kinds { if case .text(let name) = row[0], case .text(let kind) = row[1] { found[name] = kind } }
        XCTAssertEqual(found, step["relations"] as? [String: String], label)
    }
}
