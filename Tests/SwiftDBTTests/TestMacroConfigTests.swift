import XCTest

/// A generic test's macro sets how its rows are judged with `config(fail_calc=..., warn_if=..., error_if=...)`,
/// as dbt-utils' `equal_rowcount` or `fewer_rows_than` do (fixture `execution/test_macro_config`, on a real
/// SQLite file); over `dbt_project.yml`'s test config, under the test's properties. A namespaced test
/// (`test_macro_config.excess_over`) is named with its namespace first, as dbt names it. Expected lines
/// recorded from dbt-core 1.10 by scripts/record-test-macro-config.sh.
final class TestMacroConfigTests: XCTestCase {
    func testConfigCalledInTheTestMacroJudgesTheRows() throws {
        let project = try ExecutionProject("test_macro_config")
        let build = try project.run("build")
        XCTAssertEqual(build.code, 1, build.all)
        XCTAssertEqual(build.results, [
            "1 of 6 OK loaded seed file main.readings ....................................... [INSERT 4 in Xs]",
            "2 of 6 FAIL 10 excess_over_readings_11__level .................................. [FAIL 10 in Xs]",
            "3 of 6 WARN 5 excess_over_readings_15__level ................................... [WARN 5 in Xs]",
            "4 of 6 PASS excess_over_readings_20__level ..................................... [PASS in Xs]",
            "5 of 6 WARN 3 excess_over_readings_9__level .................................... [WARN 3 in Xs]",
            "6 of 6 FAIL 8 test_macro_config_excess_over_readings_12__level ................. [FAIL 8 in Xs]",
        ])
        XCTAssert(build.lines.contains("  Got 10 results, configured to fail if > 5"), build.stdout)
        XCTAssert(build.lines.contains("Got 5 results, configured to warn if >= 1"), build.stdout)
        XCTAssert(build.lines.contains("Got 3 results, configured to warn if >= 1"), "the properties' config wins: \(build.stdout)")
        XCTAssert(build.lines.contains("  Got 8 results, configured to fail if > 5"), build.stdout)
        XCTAssert(build.stdout.hasSuffix("Done. PASS=2 WARN=2 ERROR=2 SKIP=0 NO-OP=0 TOTAL=6\n"), build.stdout)
    }
}
