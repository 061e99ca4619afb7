import Foundation
import TestSupport
import XCTest
@testable import PostgresAdapter

/// The `grants` config on PostgreSQL: a rebuilt table or view has exactly the configured grants, an
/// incremental run revokes what the config no longer lists, and a failing grant leaves the old relation
/// (fixture `grants`); seeds get theirs too. SQLite has no privileges: the same project builds there with
/// grants ignored.
final class GrantsTests: XCTestCase {
    func testGrantsFollowTheConfig() throws {
        let environment = try requirePostgres()
        let (root, schema) = try projectWithBothTargets("grants", profile: "grants")
        let connection = try PostgresConnection(parameters: [])
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let (first, second) = ("reader_a_\(suffix)", "reader_b_\(suffix)")
        for role in [first, second] { try connection.execute("create role \(role)") }
        defer {
            for role in [first, second] { _ = try? connection.execute("drop owned by \(role); drop role \(role)") }
        }
        func build(_ reader: String, _ extra: [String] = []) throws -> (code: Int32, stdout: String, stderr: String) {
            try runCLI(["run", "--target", "postgres", "--profiles-dir", root, "--vars", "{reader: \(reader)}"] + extra,
                       in: root, environment: environment)
        }
        func readers(_ model: String) throws -> [String] {
            try connection.execute("select grantee from information_schema.role_table_grants where table_schema = '\(schema)' "
                                   + "and table_name = '\(model)' and privilege_type = 'SELECT' and grantee like 'reader_%' order by 1")
                .values.map { $0[0] ?? "" }
        }
        let models = ["granted_table", "granted_view", "granted_incremental"]

        let run = try build(first)
        XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
        for model in models { XCTAssertEqual(try readers(model), [first], model) }

        let rerun = try build(second)
        XCTAssertEqual(rerun.code, 0, rerun.stdout + rerun.stderr)
        for model in models { XCTAssertEqual(try readers(model), [second], "\(model): the old grant is gone, the new one given") }

        let failing = try build("no_such_role_\(suffix)", ["--select", "granted_table"])
        XCTAssertEqual(failing.code, 1, failing.stdout)
        XCTAssert(failing.stdout.contains("role \"no_such_role_\(suffix)\" does not exist"), failing.stdout)
        XCTAssertEqual(try readers("granted_table"), [second], "a failed grant leaves the previous table and its grants")

        try connection.execute("do $$ begin create role swiftdbt_seed_reader; exception when duplicate_object then null; end $$")
        defer { _ = try? connection.execute("drop owned by swiftdbt_seed_reader; drop role swiftdbt_seed_reader") }
        for load in ["a new table", "a reload in place"] {
            let seeded = try runCLI(["seed", "--target", "postgres", "--profiles-dir", root], in: root, environment: environment)
            XCTAssertEqual(seeded.code, 0, seeded.stdout + seeded.stderr)
            let granted = try connection.execute("select has_table_privilege('swiftdbt_seed_reader', '\(schema).granted_seed', 'select')")
            XCTAssertEqual(granted.values, [["t"]], "seed grants after \(load)")
        }

        let onSQLite = try runCLI(["build", "--target", "sqlite", "--profiles-dir", root], in: root)
        XCTAssertEqual(onSQLite.code, 0, onSQLite.stdout + onSQLite.stderr)
    }
}
