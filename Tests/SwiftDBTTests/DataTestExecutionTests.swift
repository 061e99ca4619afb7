import XCTest
@testable import SQLiteAdapter

/// Data tests on a real SQLite file: the generic tests, a custom generic test and a singular test,
/// with severity, thresholds, `where`, `limit` and `store_failures` (fixture `execution/data_tests`).
/// The expected lines are those dbt 1.10 prints for the same project.
final class DataTestExecutionTests: XCTestCase {
    private var project: ExecutionProject!

    override func setUpWithError() throws {
        project = try ExecutionProject("data_tests")
    }

    func testEachTestIsJudgedAndPrintedAsDbtDoes() throws {
        let build = try project.run("build")
        XCTAssertEqual(build.code, 1, "error-severity failures fail the run")
        XCTAssertEqual(build.results, [
            "1 of 12 OK loaded seed file main.countries ..................................... [INSERT 2 in Xs]",
            "2 of 12 OK loaded seed file main.people ........................................ [INSERT 5 in Xs]",
            "3 of 12 PASS accepted_values_people_active__False__True__False ................. [PASS in Xs]",
            "4 of 12 WARN 1 accepted_values_people_country_id__False__1__2 .................. [WARN 1 in Xs]",
            "5 of 12 FAIL 1 accepted_values_people_status__active__inactive ................. [FAIL 1 in Xs]",
            "6 of 12 WARN 1 big_amounts ..................................................... [WARN 1 in Xs]",
            "7 of 12 FAIL 3 is_positive_people_amount ....................................... [FAIL 3 in Xs]",
            "8 of 12 FAIL 2 is_positive_people_score ........................................ [FAIL 2 in Xs]",
            "9 of 12 PASS not_null_people_id ................................................ [PASS in Xs]",
            "10 of 12 WARN 1 not_null_people_name ........................................... [WARN 1 in Xs]",
            "11 of 12 FAIL 2 relationships_people_country_id__id__ref_countries_ ............ [FAIL 2 in Xs]",
            "12 of 12 FAIL 1 unique_people_id ............................................... [FAIL 1 in Xs]",
        ])
        XCTAssert(build.stdout.hasSuffix("Done. PASS=4 WARN=3 ERROR=5 SKIP=0 NO-OP=0 TOTAL=12\n"), build.stdout)
        let summary = build.lines.drop { !$0.hasPrefix("Completed with") }
        XCTAssertEqual(Array(summary.prefix(6)), [
            "Completed with 5 errors, 0 partial successes, and 3 warnings:",
            "",
            "Failure in test accepted_values_people_status__active__inactive (seeds/properties.yml)",
            "  Got 1 result, configured to fail if != 0",
            "",
            "  compiled code at target/compiled/data_tests/seeds/properties.yml/accepted_values_people_status__active__inactive.sql",
        ])
        XCTAssert(build.lines.contains("  Got 2 results, configured to fail if !=0"), "error_if as written")
        XCTAssert(build.lines.contains("Got 1 result, configured to warn if != 0"), "warnings unindented, as dbt prints them")
    }

    func testStoredFailuresGoToTheAuditSchemaFile() throws {
        let build = try project.run("build")
        XCTAssert(build.lines.contains("  select * from \"main_dbt_test__audit\".\"relationships_people_country_id__id__ref_countries_\""),
                  build.stdout)
        XCTAssert(project.exists("target/main_dbt_test__audit.db"))
        XCTAssertEqual(try project.rows("select from_field from main_dbt_test__audit.relationships_people_country_id__id__ref_countries_"),
                       [[9], [9]])
    }

    func testWarningsAloneExitZero() throws {
        XCTAssertEqual(try project.run("seed").code, 0)
        let test = try project.run("test", "--select", "not_null_people_name", "big_amounts")
        XCTAssertEqual(test.code, 0, test.all)
        XCTAssert(test.lines.contains("Completed with 2 warnings:"), test.stdout)
        XCTAssert(test.stdout.hasSuffix("Done. PASS=0 WARN=2 ERROR=0 SKIP=0 NO-OP=0 TOTAL=2\n"), test.stdout)
    }

    func testRunResultsRecordStatusFailuresAndMessage() throws {
        try project.run("build")
        let results = try project.runResults()
        let limited = try XCTUnwrap(results.first { $0.key.hasPrefix("test.data_tests.is_positive_people_score") }?.value)
        XCTAssertEqual(limited["status"] as? String, "fail")
        XCTAssertEqual(limited["failures"] as? Int, 2, "limit: 2 caps the count")
        XCTAssertEqual(limited["message"] as? String, "Got 2 results, configured to fail if !=0")
        let warned = try XCTUnwrap(results["test.data_tests.big_amounts"])
        XCTAssertEqual(warned["status"] as? String, "warn")
        XCTAssertEqual(warned["failures"] as? Int, 1)
    }
}
