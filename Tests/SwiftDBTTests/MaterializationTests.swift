import XCTest
@testable import SQLiteAdapter

/// Views, tables, ephemeral models and incremental models on a real SQLite file: a first run
/// reads `batch: 1`'s rows, a second `batch: 2`'s (fixture `execution/materializations`).
final class MaterializationTests: XCTestCase {
    private var project: ExecutionProject!

    override func setUpWithError() throws {
        project = try ExecutionProject("materializations")
    }

    private func runBothBatches(_ selection: String...) throws -> CLIRun {
        let first = try project.run(["run", "--select"] + selection)
        XCTAssertEqual(first.code, 0, first.all)
        return try project.run(["run", "--vars", "batch: 2", "--select"] + selection)
    }

    func testViewsTablesAndEphemeralModels() throws {
        let run = try project.run("run", "--select", "as_view", "as_table")
        XCTAssertEqual(run.code, 0, run.all)
        XCTAssertEqual(run.results, [
            "1 of 2 OK created sql table model main.as_table ................................ [OK in Xs]",
            "2 of 2 OK created sql view model main.as_view .................................. [OK in Xs]",
        ])
        XCTAssertEqual(try project.relations(), ["as_table": "table", "as_view": "view"], "the ephemeral model is never built")
        XCTAssertEqual(try project.rows("select id, name from as_view order by id, name"), [[1, "one"], [2, "two"], [2, "two b"]])
        XCTAssertEqual(try project.rows("select sum(amount) from as_table"), [[55]])
        let compiled = try String(contentsOfFile: project.root + "/target/run/materializations/models/as_table.sql", encoding: .utf8)
        XCTAssert(compiled.contains("with __dbt__cte__source_rows as ("), compiled)
    }

    func testIncrementalStrategiesOnASecondRun() throws {
        let second = try runBothBatches("appended", "by_id", "by_id_and_part", "merged", "merged_names", "by_id_part_a")
        XCTAssertEqual(second.code, 0, second.all)
        XCTAssert(second.lines.contains("1 of 6 OK created sql incremental model main.appended .......................... [OK in Xs]"), second.stdout)
        XCTAssertEqual(try project.rows("select id, part, name from appended order by id, part"),
                       [[1, "a", "one"], [2, "a", "two"], [2, "b", "two b"], [3, "a", "three"]], "append adds only the newer id")
        XCTAssertEqual(try project.rows("select id, part, name from by_id order by id, part"),
                       [[1, "a", "one"], [2, "a", "two v2"], [3, "a", "three"]], "both rows of id 2 replaced")
        XCTAssertEqual(try project.rows("select id, part, name from by_id_and_part order by id, part"),
                       [[1, "a", "one"], [2, "a", "two v2"], [2, "b", "two b"], [3, "a", "three"]], "only (2, a) replaced")
        XCTAssertEqual(try project.rows("select id, part, name from by_id_part_a order by id, part"),
                       [[1, "a", "one"], [2, "a", "two v2"], [2, "b", "two b"], [3, "a", "three"]],
                       "incremental_predicates keep (2, b) out of the delete")
        XCTAssertEqual(try project.rows("select id, part, name, amount from merged order by id, part, name"),
                       [[1, "a", "one", 10], [2, "a", "two v2", 21], [2, "a", "two v2", 21], [3, "a", "three", 30]],
                       "merge updates every row matching a key in place and inserts the new key")
        XCTAssertEqual(try project.rows("select id, part, name, amount from merged_names order by id, part"),
                       [[1, "a", "one", 10], [2, "a", "two v2", 20], [2, "b", "two v2", 25], [3, "a", "three", 30]],
                       "merge_update_columns: only name changes")
    }

    func testFullRefreshRebuildsUnlessTheModelSaysNot() throws {
        XCTAssertEqual(try project.run("run", "--select", "appended", "never_refreshed").code, 0)
        let refresh = try project.run("run", "--full-refresh", "--vars", "batch: 2", "--select", "appended", "never_refreshed")
        XCTAssertEqual(refresh.code, 0, refresh.all)
        XCTAssertEqual(try project.rows("select id, name from appended order by id"), [[2, "two v2"], [3, "three"]])
        XCTAssertEqual(try project.rows("select count(*), max(id) from never_refreshed"), [[4, 3]], "full_refresh: false stays incremental")
    }

    func testOnSchemaChangeModes() throws {
        let second = try runBothBatches("schema_*")
        XCTAssertEqual(second.code, 1, second.all)
        XCTAssert(second.lines.contains("2 of 4 ERROR creating sql incremental model main.schema_fail ................... [ERROR in Xs]"),
                  second.stdout)
        XCTAssert(second.stdout.contains("The source and target schemas on this incremental model are out of sync!"), second.stdout)
        XCTAssertEqual(try project.columns("schema_fail"), ["id", "name"])
        XCTAssertEqual(try project.rows("select count(*) from schema_fail"), [[3]], "the failed run added nothing")
        XCTAssertEqual(try project.columns("schema_ignore"), ["id", "name"])
        XCTAssertEqual(try project.rows("select id, name from schema_ignore where id = 3"), [[3, "three"]])
        XCTAssertEqual(try project.columns("schema_append_new_columns"), ["id", "name", "amount"])
        XCTAssertEqual(try project.rows("select id, amount from schema_append_new_columns order by id, name"),
                       [[1, nil], [2, nil], [2, nil], [3, 30]])
        XCTAssertEqual(try project.columns("schema_sync_all_columns"), ["id", "amount"])
        XCTAssertEqual(try project.rows("select count(*), sum(amount) from schema_sync_all_columns"), [[4, 30]])
    }

    /// SQLite replaces a view by dropping it, which makes it recompute every view's columns (quadratic in a
    /// chain's depth): a view whose definition did not change stays as it is, but is still checked.
    func testAnUnchangedViewIsKeptButStillChecked() throws {
        try project.write("{{ config(materialized='view') }}\nselect id, amount from {{ ref('as_table') }}", to: "models/over_table.sql")
        XCTAssertEqual(try project.run("run", "--select", "as_table", "as_view", "over_table").code, 0)
        let version = try project.rows("pragma schema_version")
        let again = try project.run("run", "--select", "as_view", "over_table")
        XCTAssertEqual(again.code, 0, again.all)
        XCTAssertEqual(again.results.filter { $0.contains(" OK created sql view model ") }.count, 2, again.stdout)
        XCTAssertEqual(try project.rows("pragma schema_version"), version, "neither view was dropped and created again")

        try project.write("{{ config(materialized='view') }}\nselect id, name from {{ ref('source_rows') }} where id > 1",
                          to: "models/as_view.sql")
        XCTAssertEqual(try project.run("run", "--select", "as_view").code, 0)
        XCTAssertEqual(try project.rows("select count(*) from as_view"), [[2]], "a changed view is replaced")

        try project.write("select id, name from {{ ref('source_rows') }}", to: "models/as_table.sql")
        XCTAssertEqual(try project.run("run", "--select", "as_table").code, 0)
        let broken = try project.run("run", "--select", "over_table")
        XCTAssertEqual(broken.code, 1, broken.all)
        XCTAssert(broken.stdout.contains("no such column: amount"), broken.stdout)
    }

    func testAFailingModelLeavesThePreviousRelationReadable() throws {
        XCTAssertEqual(try project.run("run", "--select", "as_view", "as_table", "appended").code, 0)
        try project.write("select id, no_such_column from {{ ref('source_rows') }}", to: "models/as_table.sql")
        try project.write("{{ config(materialized='view') }} select * from no_such_table", to: "models/as_view.sql")
        try project.write("{{ config(materialized='incremental') }} select id, no_such_column from {{ ref('source_rows') }}",
                          to: "models/appended.sql")
        let broken = try project.run("run", "--select", "as_view", "as_table", "appended")
        XCTAssertEqual(broken.code, 1, broken.all)
        XCTAssertEqual(broken.results.filter { $0.contains(" ERROR creating ") }.count, 3, broken.stdout)
        XCTAssertEqual(try project.rows("select count(*) from as_table"), [[3]])
        XCTAssertEqual(try project.rows("select count(*) from as_view"), [[3]])
        XCTAssertEqual(try project.rows("select count(*) from appended"), [[3]])
        XCTAssertEqual(try project.relations(), ["as_table": "table", "as_view": "view", "appended": "table"],
                       "no __dbt_tmp or __dbt_backup relation left behind")
        XCTAssert(broken.lines.contains("  compiled code at target/run/materializations/models/as_table.sql"), broken.stdout)
    }
}
