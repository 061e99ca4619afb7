import Foundation
import TestSupport
import XCTest
@testable import PostgresAdapter

/// A snapshot's `grants` and `persist_docs` on PostgreSQL, as dbt-core 1.10 with dbt-postgres 1.9 applies them
/// (fixture `execution/snapshot_grants`, reference by scripts/record-snapshot-grants-reference.py): the new table is
/// granted to the configured role; a later snapshot whose config names another role revokes the first; the table and
/// its YAML columns (those it has) get their descriptions as comments. SQLite has neither: the snapshot builds there.
final class SnapshotGrantsTests: XCTestCase {
    func testGrantsAndCommentsAsDbtPostgres() throws {
        let environment = try requirePostgres()
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: fixtures.appendingPathComponent("reference/snapshot-grants.json")))
        let steps = try XCTUnwrap((document as? [String: Any])?["postgres"] as? [[String: Any]])
        XCTAssertEqual(steps.count, 2)
        let (root, schema) = try projectWithBothTargets("execution/snapshot_grants", profile: "snapshot_grants")
        defer { removeProject(root, schema: schema, environment: environment) }
        let connection = try PostgresConnection(parameters: [])
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let roles = ["first": "reader_a_\(suffix)", "second": "reader_b_\(suffix)"]
        for role in roles.values { try connection.execute("create role \(role)") }
        defer {
            for role in roles.values { _ = try? connection.execute("drop owned by \(role); drop role \(role)") }
        }
        let seeded = try runCLI(["seed", "--target", "postgres", "--profiles-dir", root], in: root, environment: environment)
        XCTAssertEqual(seeded.code, 0, seeded.stdout + seeded.stderr)
        let relation = "'\"\(schema)\".people_history'"
        for step in steps {
            let reader = try XCTUnwrap(roles[step["reader"] as? String ?? ""])
            let run = try runCLI(["snapshot", "--target", "postgres", "--profiles-dir", root, "--vars", "{reader: \(reader)}"],
                                 in: root, environment: environment)
            XCTAssertEqual(run.code, Int32(step["exit_code"] as? Int ?? -1), run.stdout + run.stderr)
            let readers = try connection.execute("select grantee from information_schema.role_table_grants where table_schema = '\(schema)' "
                                                 + "and table_name = 'people_history' and privilege_type = 'SELECT' and grantee like 'reader_%' order by 1")
                .values.map { value in roles.first { $0.value == value[0] }?.key ?? "" }
            XCTAssertEqual(readers, step["readers"] as? [String], reader)
            let comment = try connection.execute("select obj_description(\(relation)::regclass, 'pg_class')").values
            XCTAssertEqual(comment, [[step["comment"] as? String]], reader)
            let columns = try connection.execute("select a.attname, d.description from pg_attribute a join pg_description d "
                                                 + "on d.objoid = a.attrelid and d.objsubid = a.attnum where a.attrelid = \(relation)::regclass "
                                                 + "order by a.attnum").values
            XCTAssertEqual(columns, (step["column_comments"] as? [[String]])?.map { $0.map(Optional.some) }, reader)
        }
    }

    func testSnapshotWithGrantsAndDocsBuildsOnSQLite() throws {
        let (root, _) = try projectWithBothTargets("execution/snapshot_grants", profile: "snapshot_grants")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let environment = ["PGHOST": "localhost"]
        for arguments in [["seed"], ["snapshot", "--vars", "{reader: somebody}"], ["snapshot", "--vars", "{reader: somebody}"]] {
            let run = try runCLI(arguments + ["--target", "sqlite", "--profiles-dir", root], in: root, environment: environment)
            XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
        }
    }
}
