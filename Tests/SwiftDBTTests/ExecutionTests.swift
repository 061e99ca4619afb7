import Foundation
import TestSupport
import XCTest
@testable import SQLiteAdapter
@testable import SwiftDBT

/// Seeds, models and tests run on real SQLite files through the `swiftdbt` binary.
final class ExecutionTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = try copyFixture("execution/lifecycle")
    }

    private func run(_ arguments: [String]) throws -> (code: Int32, stdout: String, stderr: String) {
        try runCLI(arguments, in: root)
    }

    /// Queries the run's database, with the test-audit schema's file attached beside it.
    private func rows(_ sql: String) throws -> [[SQLiteValue]] {
        let connection = try SQLiteConnection.open(path: root + "/target/lifecycle.sqlite")
        let audit = root + "/target/main_dbt_test__audit.db"
        if FileManager.default.fileExists(atPath: audit) { try connection.attach(databaseAt: audit, as: "main_dbt_test__audit") }
        return try connection.prepare(sql).rows()
    }

    func testBuildRunsSeedsModelsTestsAndHooks() throws {
        let result = try run(["build"])
        XCTAssertEqual(result.code, 0, result.stdout + result.stderr)
        XCTAssert(result.stdout.contains("OK loaded seed file main.people"), result.stdout)
        XCTAssert(result.stdout.contains("OK created sql view model main.people_view"), result.stdout)
        XCTAssert(result.stdout.contains("WARN 1 accepted_values_people_table_name__ADA__GRACE"), result.stdout)
        XCTAssert(result.stdout.contains("1 of 2 OK hook: lifecycle.on-run-start.0"), result.stdout)
        XCTAssert(result.stdout.contains("Done. PASS=16 WARN=1 ERROR=0 SKIP=0 NO-OP=0 TOTAL=17"), result.stdout)
        XCTAssertEqual(try rows("select zip from people order by id"), [[.text("01234")], [.text("90210")], [.text("00501")]],
                       "leading zeros keep the column text")
        XCTAssertEqual(try rows("select phase from run_audit order by rowid"), [[.text("start")], [.text("post_hook")], [.text("end")]])
        XCTAssertEqual(try rows("select count(*) from main_dbt_test__audit.accepted_values_people_table_name__ADA__GRACE"), [[.integer(1)]],
                       "store_failures keeps the failing rows")
        let results = try String(contentsOfFile: root + "/target/run_results.json", encoding: .utf8)
        XCTAssert(results.contains("\"status\": \"warn\"") && results.contains("\"relation_name\": \"\\\"main\\\".\\\"people_table\\\"\""), results)
    }

    func testIncrementalModelInsertsOnlyNewRows() throws {
        XCTAssertEqual(try run(["build", "--vars", "{batch: 1}"]).code, 0)
        XCTAssertEqual(try rows("select count(*) from events_incremental"), [[.integer(2)]])
        let second = try run(["run", "-s", "events_incremental", "--vars", "{batch: 2}"])
        XCTAssertEqual(second.code, 0, second.stdout)
        XCTAssert(second.stdout.contains("OK created sql incremental model main.events_incremental"), second.stdout)
        XCTAssertEqual(try rows("select id from events_incremental order by id"), [[.integer(1)], [.integer(2)], [.integer(3)], [.integer(4)]])
        XCTAssertEqual(try run(["run", "-s", "events_incremental", "--vars", "{batch: 3}", "--full-refresh"]).code, 0)
        XCTAssertEqual(try rows("select count(*) from events_incremental"), [[.integer(5)]])
    }

    func testAFailingModelKeepsItsOldTableSkipsChildrenAndRetryRunsWhatFailed() throws {
        XCTAssertEqual(try run(["build"]).code, 0)
        let broken = try run(["build", "--vars", "{fragile_column: no_such_column}"])
        XCTAssertEqual(broken.code, 1)
        XCTAssert(broken.stdout.contains("ERROR creating sql table model main.fragile"), broken.stdout)
        XCTAssert(broken.stdout.contains("SKIP relation main.after_fragile"), broken.stdout)
        XCTAssert(broken.stdout.contains("no such column: no_such_column"), broken.stdout)
        XCTAssertEqual(try rows("select count(*) from fragile"), [[.integer(3)]], "the previous table is still there")
        XCTAssertEqual(try rows("select name from sqlite_master where name like '%__dbt_tmp' or name like '%__dbt_backup'"), [])
        // retry reuses the last run's vars unless --vars says otherwise, as dbt's does.
        let retry = try run(["retry", "--vars", "{}"])
        XCTAssertEqual(retry.code, 0, retry.stdout)
        XCTAssert(retry.stdout.contains("Done. PASS=6 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=6"), retry.stdout)
    }

    func testABadCSVFailsItsSeedWithTheLineAndKeepsTheOldTable() throws {
        XCTAssertEqual(try run(["seed"]).code, 0)
        try "id,name,zip,active,joined\n1,Ada,01234,true,2024-01-05\n2,Grace,90210\n"
            .write(toFile: root + "/seeds/people.csv", atomically: true, encoding: .utf8)
        let result = try run(["seed"])
        XCTAssertEqual(result.code, 1)
        XCTAssert(result.stdout.contains("seeds/people.csv:3:"), result.stdout)
        XCTAssertEqual(try rows("select count(*) from people"), [[.integer(3)]])
    }

    func testErrorThresholdsAndTestFailuresSetTheExitCode() throws {
        XCTAssertEqual(try run(["build"]).code, 0)
        try "select 1 as id, -5 as amount".write(toFile: root + "/data-tests/no_negative_amounts.sql", atomically: true, encoding: .utf8)
        let result = try run(["test"])
        XCTAssertEqual(result.code, 1)
        XCTAssert(result.stdout.contains("FAIL 1 no_negative_amounts"), result.stdout)
        XCTAssert(result.stdout.contains("PASS not_null_events_incremental_amount"), result.stdout)
    }

    func testOnSchemaChangeModes() throws {
        XCTAssertEqual(try run(["build"]).code, 0)
        let failing = try run(["run", "-s", "evolving", "--vars", "{extra: true, on_schema_change: fail}"])
        XCTAssertEqual(failing.code, 1)
        XCTAssert(failing.stdout.contains("The source and target schemas on this incremental model are out of sync!"), failing.stdout)
        XCTAssertEqual(try run(["run", "-s", "evolving", "--vars", "{extra: true, on_schema_change: append_new_columns}"]).code, 0)
        XCTAssertEqual(try rows("select name from pragma_table_info('evolving') order by cid"), [[.text("id")], [.text("amount")], [.text("doubled")]])
        XCTAssertEqual(try run(["run", "-s", "evolving", "--vars", "{on_schema_change: sync_all_columns}"]).code, 0)
        XCTAssertEqual(try rows("select name from pragma_table_info('evolving') order by cid"), [[.text("id")], [.text("amount")]])
    }

    func testEmptyBuildsModelsWithNoRows() throws {
        XCTAssertEqual(try run(["seed"]).code, 0)
        let result = try run(["run", "--empty", "-s", "people_view", "people_table"])
        XCTAssertEqual(result.code, 0, result.stdout)
        XCTAssertEqual(try rows("select count(*) from people_table"), [[.integer(0)]])
    }
}
