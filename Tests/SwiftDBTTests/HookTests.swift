import XCTest
@testable import SQLiteAdapter

/// `pre_hook`/`post_hook` and `on-run-start`/`on-run-end` on a real SQLite file: each hook writes
/// a row to an audit table (fixture `execution/hooks`).
final class HookTests: XCTestCase {
    private var project: ExecutionProject!

    override func setUpWithError() throws {
        project = try ExecutionProject("hooks")
    }

    func testHooksRunInOrderAroundTheNodes() throws {
        let run = try project.run("run")
        XCTAssertEqual(run.code, 0, run.all)
        XCTAssertEqual(Array(run.lines.drop { !$0.hasPrefix("Concurrency") }.prefix(17)), [
            "Concurrency: 1 threads (target='default')",
            "",
            "1 of 2 START hook: hooks.on-run-start.0 ........................................ [RUN]",
            "1 of 2 OK hook: hooks.on-run-start.0 ........................................... [OK in Xs]",
            "2 of 2 START hook: hooks.on-run-start.1 ........................................ [RUN]",
            "2 of 2 OK hook: hooks.on-run-start.1 ........................................... [OK in Xs]",
            "",
            "1 of 2 START sql table model main.first ........................................ [RUN]",
            "1 of 2 OK created sql table model main.first ................................... [OK in Xs]",
            "2 of 2 START sql table model main.second ....................................... [RUN]",
            "2 of 2 OK created sql table model main.second .................................. [OK in Xs]",
            "",
            "1 of 1 START hook: hooks.on-run-end.0 .......................................... [RUN]",
            "1 of 1 OK hook: hooks.on-run-end.0 ............................................. [OK in Xs]",
            "",
            "Finished running 3 project hooks, 2 table models in 0 hours 0 minutes and Xs.",
            "",
        ])
        XCTAssertEqual(try project.rows("select event, detail from audit order by rowid"), [
            ["start", "default"], ["before-begin", "first"], ["pre-hook", "first"], ["project post-hook", "first"], ["post-hook", "2"],
            ["after-commit", "first"], ["project post-hook", "second"], ["end", "hooks"],
        ])
        let results = try project.runResults()
        XCTAssertEqual(results["operation.hooks.hooks-on-run-start-0"]?["status"] as? String, "success")
        XCTAssertEqual(results["operation.hooks.hooks-on-run-end-0"]?["message"] as? String, "hooks.on-run-end.0 passed")
    }

    func testAFailingStartHookSkipsTheRestOfItsPhase() throws {
        let run = try project.run("run", "--vars", "break_start: true")
        XCTAssertEqual(run.code, 1)
        XCTAssertEqual(Array(run.results.prefix(2)), [
            "1 of 2 ERROR hook: hooks.on-run-start.0 ........................................ [ERROR in Xs]",
            "2 of 2 SKIP hook: hooks.on-run-start.1 ......................................... [SKIP in Xs]",
        ])
        XCTAssert(run.lines.contains("Failure in operation hooks-on-run-start-0 (./dbt_project.yml)"), run.stdout)
        XCTAssertEqual(try project.runResults()["operation.hooks.hooks-on-run-start-1"]?["status"] as? String, "skipped")
    }

    func testAFailingPostHookFailsItsModel() throws {
        let run = try project.run("run", "--vars", "break_post_hook: true")
        XCTAssertEqual(run.code, 1)
        XCTAssert(run.lines.contains("2 of 2 ERROR creating sql table model main.second .............................. [ERROR in Xs]"),
                  run.stdout)
        XCTAssert(run.lines.contains("  no such table: no_such_table"), run.stdout)
        XCTAssertNil(try project.relations()["second"], "the post-hook runs in the model's transaction: its failure undoes the table")
        XCTAssertEqual(try project.rows("select event from audit where event = 'end'"), [["end"]], "on-run-end still runs")
    }
}
