import Foundation
import TestSupport
import XCTest
@testable import SQLiteAdapter

/// `{% materialization %}` blocks called by the runner on a real SQLite file (fixture
/// `execution/custom_materializations`): a project's own materializations, the adapter's variant
/// chosen over the default, a package's `table` used only when the project allows it, and a failing
/// materialization leaving the previous table in place.
final class CustomMaterializationTests: XCTestCase {
    private var project: ExecutionProject!

    override func setUpWithError() throws {
        project = try ExecutionProject("custom_materializations")
        let folder = (project.root as NSString).deletingLastPathComponent
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
    }

    func testAProjectsMaterializationBuildsWithHooksAndReportsItsMainStatement() throws {
        let run = try project.run("run", "--select", "counted")
        XCTAssertEqual(run.code, 0, run.all)
        XCTAssertEqual(run.results, [
            "1 of 1 OK created sql checked_table model main.counted ......................... [OK in Xs]",
        ])
        XCTAssertEqual(try project.rows("select id from counted order by id"), [[1], [2], [100]], "the post-hook ran inside")
        XCTAssertEqual(try project.relations(), ["counted": "table"], "no intermediate or backup table is left")
        let again = try project.run("run", "--select", "counted", "--vars", "batch: 5")
        XCTAssertEqual(again.code, 0, again.all)
        XCTAssertEqual(try project.rows("select id from counted order by id"), [[1], [6], [100]])
        XCTAssertEqual(try project.relations(), ["counted": "table"])
    }

    func testTheAdaptersVariantIsChosenOverTheDefault() throws {
        let run = try project.run("run", "--select", "flavoured", "plain_table")
        XCTAssertEqual(run.code, 0, run.all)
        XCTAssertEqual(try project.rows("select id, built_by from flavoured"), [[1, "sqlite"]])
        XCTAssertEqual(try project.columns("plain_table"), ["id"],
                       "the root's `table, default` does not replace dbt-sqlite's own `table`, nor does the package's by default")
    }

    /// `adapter=['sqlite', 'postgres']` defines the materialization for each (beyond dbt-core 1.10, which refuses a list).
    func testAMaterializationForAListOfAdapters() throws {
        try project.write("{% materialization twin, adapter=['postgres', 'sqlite'] %}{{ return(build_stamped('twin')) }}"
                          + "{% endmaterialization %}\n", to: "macros/twin.sql")
        try project.write("{{ config(materialized='twin') }}\nselect 1 as id\n", to: "models/flavoured.sql")
        let run = try project.run("run", "--select", "flavoured")
        XCTAssertEqual(run.code, 0, run.all)
        XCTAssertEqual(try project.rows("select id, built_by from flavoured"), [[1, "twin"]])
    }

    func testAProjectsIncrementalStrategyForTheBuiltInIncremental() throws {
        XCTAssertEqual(try project.run("run", "--select", "replaced").code, 0)
        let second = try project.run("run", "--select", "replaced", "--vars", "batch: 2")
        XCTAssertEqual(second.code, 0, second.all)
        XCTAssertEqual(try project.rows("select id, label from replaced order by id"), [[2, "batch 2"], [12, "batch 2"]])
        XCTAssertEqual(try project.relations(), ["replaced": "table"])
        try project.write("{{ config(materialized='incremental', incremental_strategy='nope') }}\nselect 1 as id, 'x' as label\n",
                          to: "models/replaced.sql")
        let unknown = try project.run("run", "--select", "replaced")
        XCTAssertEqual(unknown.code, 2, unknown.all)
        XCTAssert(unknown.stderr.contains("models/replaced.sql:1:39: incremental strategy 'nope' of model replaced is neither built in "
                                          + "(append, delete+insert, merge, microbatch) nor a macro get_incremental_nope_sql"), unknown.stderr)
        XCTAssertEqual(try project.rows("select id from replaced order by id"), [[2], [12]], "nothing ran")
    }

    /// What public packages' materializations lean on (insert_by_period): the context's `schema` and `database`,
    /// get_or_create_relation, should_revoke and noop_statement; dbt prints the materialization's underscores
    /// as spaces in the run's summary (dbt/task/printer.py).
    func testAPackageStyleMaterializationAppendsAndReportsItsCount() throws {
        let first = try project.run("run", "--select", "appended")
        XCTAssertEqual(first.code, 0, first.all)
        XCTAssertEqual(first.results, [
            "1 of 1 OK created sql appended_batch model main.appended ....................... [INSERT 2 in Xs]",
        ])
        XCTAssert(first.stdout.contains("appended: 2 row(s) appended"), first.stdout)
        XCTAssert(first.stdout.contains("Finished running 1 appended batch model in "), first.stdout)
        let second = try project.run("run", "--select", "appended", "--vars", "batch: 2")
        XCTAssertEqual(second.code, 0, second.all)
        XCTAssertEqual(try project.rows("select id, revokes from appended order by id"),
                       [[1, "False"], [2, "True"], [10, "False"], [20, "True"]])
    }

    func testAPackagesTableIsUsedWhenTheProjectAllowsIt() throws {
        let file = project.root + "/dbt_project.yml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try project.write(text + "flags:\n  require_explicit_package_overrides_for_builtin_materializations: false\n",
                          to: "dbt_project.yml")
        let run = try project.run("run", "--select", "plain_table")
        XCTAssertEqual(run.code, 0, run.all)
        XCTAssertEqual(try project.rows("select id, built_by from plain_table"), [[1, "table_override"]])
    }

    func testWhatTheMaterializationDoesNotCommitIsRolledBack() throws {
        let run = try project.run("run", "--select", "never_committed")
        XCTAssertEqual(run.code, 0, run.all)
        XCTAssertEqual(try project.relations(), [:], "dbt-core 1.10 keeps no table either")
    }

    func testAFailingMaterializationLeavesThePreviousTable() throws {
        XCTAssertEqual(try project.run("run", "--select", "too_few", "broken").code, 0)
        let run = try project.run("run", "--select", "too_few", "broken", "--vars", "{batch: 2, min_rows: 5, break: true}")
        XCTAssertEqual(run.code, 1, run.all)
        XCTAssertEqual(run.results, [
            "1 of 2 ERROR creating sql checked_table model main.broken ...................... [ERROR in Xs]",
            "2 of 2 ERROR creating sql checked_table model main.too_few ..................... [ERROR in Xs]",
        ])
        XCTAssert(run.stdout.contains("no such table: no_such_table"), run.stdout)
        XCTAssert(run.stdout.contains("too_few has 1 rows, fewer than 5"), run.stdout)
        XCTAssertEqual(try project.rows("select id from too_few"), [[1]])
        XCTAssertEqual(try project.rows("select id from broken"), [[1]])
        XCTAssertEqual(try project.relations(), ["too_few": "table", "broken": "table"], "nothing of the failed runs is left")
    }

    /// Each step recorded with dbt-core 1.10 and dbt-sqlite (scripts/record-materialization-reference.py), replayed:
    /// the tables, and the message and adapter_response of each model that succeeded.
    func testSameTablesAsDbtCore() throws {
        let steps = try DbtReferenceStep.load(fixturesFolder.appendingPathComponent("reference/custom-materializations.json"),
                                              adapter: "sqlite")
        XCTAssertEqual(steps.count, 6)
        // dbt-sqlite's own incremental materialization ignores `incremental_strategy` (always its upsert); swiftdbt
        // honours it on SQLite as dbt-core's incremental does on PostgreSQL, whose reference this step matches there.
        for step in steps where step.name != "custom_incremental_strategy" {
            let copy = try ExecutionProject("custom_materializations")
            addTeardownBlock { try? FileManager.default.removeItem(atPath: (copy.root as NSString).deletingLastPathComponent) }
            let file = copy.root + "/dbt_project.yml"
            try copy.write(try String(contentsOfFile: file, encoding: .utf8) + step.projectFileExtra, to: "dbt_project.yml")
            XCTAssertEqual(try step.runs.map { try copy.run($0).code }, step.exitCodes, step.name)
            var tables: [String: [String]] = [:]
            for name in try copy.relations().keys {
                tables[name] = DbtReferenceStep.rows(of: try copy.rows("select * from \"\(name)\"").map { row in
                    row.map { value -> Any in
                        switch value {
                        case .integer(let i): return NSNumber(value: i)
                        case .real(let d): return NSNumber(value: d)
                        case .text(let t): return t
                        case .null, .blob: return NSNull()
                        }
                    }
                })
            }
            XCTAssertEqual(tables, step.tables, step.name)
            XCTAssertEqual(try DbtReferenceStep.successes(inTarget: copy.root + "/target"), step.successes, step.name)
        }
    }

    func testAnUnknownMaterializationIsALoadErrorAtItsConfigLine() throws {
        try project.write("-- a model\n{{ config(materialized='no_such_kind') }}\nselect 1 as id\n", to: "models/flavoured.sql")
        let run = try project.run("run")
        XCTAssertEqual(run.code, 2, run.all)
        XCTAssert(run.all.contains("models/flavoured.sql:2:11: No materialization 'no_such_kind' was found for adapter sqlite! "
                                   + "(searched types 'default' and 'sqlite'; model flavoured)"), run.all)
        XCTAssert(run.all.contains("{{ config(materialized='no_such_kind') }}"), run.all)
        XCTAssertFalse(project.exists("target/custom_materializations.sqlite"), "nothing ran")
    }
}
