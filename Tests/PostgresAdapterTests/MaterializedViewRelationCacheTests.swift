import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// A package's materialization that asks `adapter.get_relation` what holds its name (fixture
/// `execution/mv_relation_cache`): a materialized view is found as one (`materialized_view`,
/// `is_materialized_view`), refreshed on the next run, and dropped by `adapter.drop_relation`.
final class MaterializedViewRelationCacheTests: XCTestCase {
    /// The steps recorded from dbt-core 1.10 and dbt-postgres by scripts/record-mv-relation-cache.py: exit codes,
    /// what the materialization logged, and each relation's kind after each run.
    func testGetRelationFindsMaterializedViewsAsDbtPostgres() throws {
        let environment = try requirePostgres()
        let file = fixtures.appendingPathComponent("reference/mv-relation-cache.json")
        let recorded = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let steps = try XCTUnwrap(recorded["steps"] as? [[String: Any]])
        XCTAssertEqual(steps.count, 3)
        let (copy, schema) = try projectWithBothTargets("execution/mv_relation_cache", profile: "mv_relation_cache")
        let connection = try connect(try load(copy, target: "postgres", environment: environment))
        defer {
            try? connection.execute("drop schema if exists \"\(schema)\" cascade")
            try? FileManager.default.removeItem(atPath: (copy as NSString).deletingLastPathComponent)
        }
        for step in steps {
            let arguments = try XCTUnwrap(step["arguments"] as? [String])
            let run = try runCLI(arguments + ["--target", "postgres", "--profiles-dir", copy], in: copy, environment: environment)
            XCTAssertEqual(Int(run.code), step["exit_code"] as? Int, run.stdout + run.stderr)
            let logged = run.stdout.split(separator: "\n").compactMap { line in
                line.range(of: "mv found: ").map { String(line[$0.lowerBound...]) }
            }
            XCTAssertEqual(logged, step["logged"] as? [String], "\(arguments)")
            let kinds = try connection.query(
                "select c.relname, case c.relkind when 'r' then 'table' when 'v' then 'view' else 'materialized_view' end "
                + "from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                + "where n.nspname = '\(schema)' and c.relkind in ('r', 'v', 'm') order by 1", limit: nil).rows
            var found: [String: String] = [:]
            for row in kinds { if case .text(let name) = row[0], case .text(let kind) = row[1] { found[name] = kind } }
            XCTAssertEqual(found, step["relations"] as? [String: String], "\(arguments)")
        }
    }
}
