import XCTest
@testable import SQLiteAdapter

/// `build` on a real SQLite file: what a failing model or test skips, `--fail-fast`, `retry` and
/// `--empty` (fixture `execution/skips`: raw → base → downstream → leaf, base tested, plus an
/// independent model). The expected lines are those dbt 1.10 prints for the same project.
final class BuildCommandTests: XCTestCase {
    private var project: ExecutionProject!

    override func setUpWithError() throws {
        project = try ExecutionProject("skips")
    }

    func testAWarningSkipsNothing() throws {
        let build = try project.run("build")
        XCTAssertEqual(build.code, 0, build.all)
        XCTAssert(build.lines.contains("5 of 8 WARN 1 not_null_base_amount ............................................. [WARN 1 in Xs]"),
                  build.stdout)
        XCTAssert(build.stdout.hasSuffix("Done. PASS=7 WARN=1 ERROR=0 SKIP=0 NO-OP=0 TOTAL=8\n"), build.stdout)
        XCTAssertEqual(try project.rows("select n from leaf"), [[3]])
    }

    func testAFailingModelSkipsEverythingBuiltFromIt() throws {
        let build = try project.run("build", "--vars", "break_base: true")
        XCTAssertEqual(build.code, 1)
        XCTAssertEqual(build.results, [
            "1 of 8 OK created sql table model main.independent ............................. [OK in Xs]",
            "2 of 8 OK loaded seed file main.raw ............................................ [INSERT 3 in Xs]",
            "3 of 8 ERROR creating sql table model main.base ................................ [ERROR in Xs]",
            "4 of 8 SKIP test amounts_below_max ............................................. [SKIP]",
            "5 of 8 SKIP test not_null_base_amount .......................................... [SKIP]",
            "6 of 8 SKIP test unique_base_id ................................................ [SKIP]",
            "7 of 8 SKIP relation main.downstream ........................................... [SKIP]",
            "8 of 8 SKIP relation main.leaf ................................................. [SKIP]",
        ])
        let summary = build.lines.drop { !$0.hasPrefix("Failure in") }
        XCTAssertEqual(Array(summary.prefix(7)), [
            "Failure in model base (models/base.sql)",
            "  Database Error in model base (models/base.sql)",
            "  no such column: no_such_column",
            "  compiled code at target/run/skips/models/base.sql",
            "",
            "  compiled code at target/compiled/skips/models/base.sql",
            "",
        ])
        XCTAssert(build.stdout.hasSuffix("Done. PASS=2 WARN=0 ERROR=1 SKIP=5 NO-OP=0 TOTAL=8\n"), build.stdout)
    }

    func testAFailingTestSkipsWhatIsBuiltFromTheDataButNotTheOtherTests() throws {
        let build = try project.run("build", "--vars", "max_amount: 5")
        XCTAssertEqual(build.code, 1)
        XCTAssertEqual(Array(build.results.dropFirst(3)), [
            "4 of 8 FAIL 2 amounts_below_max ................................................ [FAIL 2 in Xs]",
            "5 of 8 WARN 1 not_null_base_amount ............................................. [WARN 1 in Xs]",
            "6 of 8 PASS unique_base_id ..................................................... [PASS in Xs]",
            "7 of 8 SKIP relation main.downstream ........................................... [SKIP]",
            "8 of 8 SKIP relation main.leaf ................................................. [SKIP]",
        ])
        XCTAssert(build.stdout.hasSuffix("Done. PASS=4 WARN=1 ERROR=1 SKIP=2 NO-OP=0 TOTAL=8\n"), build.stdout)
    }

    func testFailFastSkipsEverythingAfterTheFirstFailure() throws {
        let build = try project.run("build", "--fail-fast", "--vars", "break_base: true")
        XCTAssertEqual(build.code, 1)
        XCTAssertEqual(build.results.filter { $0.contains(" SKIP ") }.count, 5, build.stdout)
        XCTAssertNil(try project.relations()["downstream"])
    }

    func testRetryRunsOnlyWhatFailedOrWasSkipped() throws {
        XCTAssertEqual(try project.run("build", "--vars", "max_amount: 5").code, 1)
        let retry = try project.run("retry", "--vars", "max_amount: 50")
        XCTAssertEqual(retry.code, 0, retry.all)
        XCTAssertEqual(retry.results, [
            "1 of 3 PASS amounts_below_max .................................................. [PASS in Xs]",
            "2 of 3 OK created sql table model main.downstream .............................. [OK in Xs]",
            "3 of 3 OK created sql table model main.leaf .................................... [OK in Xs]",
        ])
        let again = try project.run("retry")
        XCTAssertEqual(again.code, 0, again.all)
        XCTAssert(again.lines.contains("Nothing to do. Try checking your model configs and model specification args"), again.stdout)
    }

    func testEmptyBuildsModelsWithZeroRows() throws {
        XCTAssertEqual(try project.run("seed").code, 0)
        let run = try project.run("run", "--empty")
        XCTAssertEqual(run.code, 0, run.all)
        XCTAssertEqual(try project.rows("select count(*) from base"), [[0]])
        XCTAssertEqual(try project.columns("downstream"), ["id", "amount"])
        XCTAssertEqual(try project.rows("select n from leaf"), [[0]])
        XCTAssertEqual(try project.rows("select count(*) from raw"), [[3]], "seeds keep their rows")
    }
}
