import Foundation
import TestSupport
import XCTest
@testable import PostgresAdapter

/// On PostgreSQL too a run killed (SIGKILL) while it swaps a new relation in leaves no `__dbt_tmp` and the old
/// relation as it was: the temporary relation is created inside the swapping transaction, which the server
/// rolls back (fixture `execution/killed`, whose post-hooks sleep 4 s with `slow: true`).
final class PostgresKilledRunTests: XCTestCase {
    func testAKilledRunLeavesNoTemporaryRelationAndTheOldOneIntact() throws {
        let environment = try requirePostgres()
        let (root, schema) = try projectWithBothTargets("execution/killed", profile: "killed")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let arguments = ["run", "--target", "postgres", "--profiles-dir", root]
        let first = try runCLI(arguments, in: root, environment: environment)
        XCTAssertEqual(first.code, 0, first.stdout + first.stderr)
        let connection = try PostgresConnection(parameters: [])
        func temporaryRelations() throws -> [[String?]] {
            try connection.execute("select table_name from information_schema.tables where table_schema = $1 "
                                   + "and position('__dbt_' in table_name) > 0", parameters: [schema]).values
        }
        func sleepingHooks() throws -> Int {
            let rows = try connection.execute("select count(*) from pg_stat_activity where application_name = 'swiftdbt' "
                                              + "and query like '%pg_sleep(4)%' and pid <> pg_backend_pid()").values
            return Int(rows.first?.first.flatMap { $0 } ?? "0") ?? 0
        }
        func waitUntil(_ condition: () throws -> Bool) throws {
            let deadline = Date().addingTimeInterval(30)
            while try !condition(), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        }
        for model in ["hooked_table", "hooked_incremental"] {
            let run = try startCLI(arguments + ["--select", model, "--vars", "{label: second, slow: true}"], in: root, environment: environment)
            try waitUntil { try sleepingHooks() == 1 }
            XCTAssertEqual(try sleepingHooks(), 1, "\(model)'s post-hook is running")
            run.send(SIGKILL)
            // 128 + 9 when the test reaps the process, 9 (Foundation's termination status) when Foundation did.
            XCTAssert([SIGKILL, 128 + SIGKILL].contains(run.wait().code))
            XCTAssertEqual(try temporaryRelations(), [], "nothing temporary is visible while the server finishes the hook")
            try waitUntil { try sleepingHooks() == 0 }
            XCTAssertEqual(try temporaryRelations(), [], "nor once it has rolled the transaction back")
            XCTAssertEqual(try connection.execute("select id, label from \"\(schema)\".\(model)").values, [["1", "first"]], model)
        }
        let rerun = try runCLI(arguments + ["--vars", "label: third"], in: root, environment: environment)
        XCTAssertEqual(rerun.code, 0, rerun.stdout + rerun.stderr)
        XCTAssertEqual(try connection.execute("select label from \"\(schema)\".hooked_table union all "
                                              + "select label from \"\(schema)\".hooked_incremental").values, [["third"], ["third"]])
    }
}
