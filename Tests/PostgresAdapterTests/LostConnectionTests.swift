import Foundation
import TestSupport
import XCTest
@testable import PostgresAdapter

/// The server stops in the middle of a model: that model fails with the server's message, the rest of the
/// run is skipped, artifacts are written, the previous tables stay as they were, and the next run succeeds
/// once the server is back. Runs on a server of its own (fixture `lost_connection`).
final class LostConnectionTests: XCTestCase {
    func testAServerStoppedMidRunFailsTheNodeSkipsTheRestAndTheNextRunSucceeds() throws {
        _ = try requirePostgres()
        let server = try ThrowawayPostgresServer()
        let (root, schema) = try projectWithBothTargets("lost_connection", profile: "lost_connection")
        let build = ["build", "--target", "postgres", "--profiles-dir", root]
        let first = try runCLI(build, in: root, environment: server.environment)
        XCTAssertEqual(first.code, 0, first.stdout + first.stderr)

        let interrupted = try startCLI(build + ["--vars", "{version: 2, pause: 60}"], in: root, environment: server.environment)
        try waitUntilSleeping(server)
        try server.halt()
        let run = interrupted.wait()
        XCTAssertEqual(run.code, 1, run.stdout + run.stderr)
        XCTAssert(run.stdout.contains("ERROR creating sql table model \(schema).slow"), run.stdout)
        XCTAssert(run.stdout.contains("server closed the connection unexpectedly"), run.stdout)
        XCTAssert(run.stdout.contains("SKIP relation \(schema).after"), run.stdout)
        XCTAssert(run.stdout.contains("SKIP relation \(schema).unrelated"), "not downstream of slow, skipped all the same:\n" + run.stdout)
        let results = try runResults(root)
        XCTAssertEqual(results["model.lost_connection.first"], "success")
        XCTAssertEqual(results["model.lost_connection.slow"], "error")
        XCTAssertEqual(results["model.lost_connection.after"], "skipped")
        XCTAssertEqual(results["model.lost_connection.unrelated"], "skipped")

        try server.resume()
        let connection = try open(server)
        let tables = try connection.execute("select table_name from information_schema.tables where table_schema = '\(schema)' "
                                            + "and table_name not like '%__dbt_tmp' order by 1").values.map { $0[0] }
        XCTAssertEqual(tables, ["after", "first", "slow", "unrelated"], "no half-built relation under a real name")
        XCTAssertEqual(try connection.execute("select version from \(schema).slow").values, [["1"]], "the previous slow is intact")

        let again = try runCLI(build + ["--vars", "{version: 2}"], in: root, environment: server.environment)
        XCTAssertEqual(again.code, 0, again.stdout + again.stderr)
        XCTAssertEqual(try connection.execute("select version from \(schema).after").values, [["2"]])
    }

    /// Waits until the run is inside `slow`'s `pg_sleep`.
    private func waitUntilSleeping(_ server: ThrowawayPostgresServer) throws {
        let connection = try open(server)
        for _ in 0..<200 {
            let sleeping = try connection.execute("select count(*) from pg_stat_activity where application_name = 'swiftdbt' "
                                                  + "and query like '%pg_sleep%'").values
            if sleeping == [["1"]] { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTFail("the run never reached pg_sleep")
    }

    private func open(_ server: ThrowawayPostgresServer) throws -> PostgresConnection {
        try PostgresConnection(parameters: ["host": "PGHOST", "port": "PGPORT", "user": "PGUSER", "password": "PGPASSWORD",
                                            "dbname": "PGDATABASE"].map { ($0.key, server.environment[$0.value] ?? "") })
    }

    /// `status` by unique ID from `target/run_results.json`.
    private func runResults(_ root: String) throws -> [String: String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/target/run_results.json"))
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let results = try XCTUnwrap(document["results"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: results.map { ($0["unique_id"] as? String ?? "", $0["status"] as? String ?? "") })
    }
}
