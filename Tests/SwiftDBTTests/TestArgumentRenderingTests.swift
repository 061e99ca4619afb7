import Foundation
import XCTest

/// A generic test's arguments are rendered in the test's context when it compiles, as dbt does (fixture
/// `execution/test_arguments`, on a real SQLite file): every string, list items included, whether it calls a
/// project macro or `var()`; a lone `{{ expression }}` passes its value (a number stays a number), and a bare
/// `var('...')` is evaluated. A model's test may name its column with a `column_name` argument (passed as it is).
/// A test's `config:` value holding Jinja is rendered when it is parsed (`enabled: "{{ ... }}"` false: the test is not run).
/// Expected lines and SQL recorded from dbt-core 1.10 by scripts/record-test-arguments.sh.
final class TestArgumentRenderingTests: XCTestCase {
    func testArgumentsHoldingJinjaAreRendered() throws {
        let project = try ExecutionProject("test_arguments")
        let build = try project.run("build")
        XCTAssertEqual(build.code, 1, build.all)
        XCTAssertEqual(build.results, [
            "1 of 6 OK loaded seed file main.readings ....................................... [INSERT 3 in Xs]",
            "2 of 6 FAIL 1 equals_value_readings_id__3 ...................................... [FAIL 1 in Xs]",
            "3 of 6 FAIL 1 equals_value_readings_level__var_top_level_ ...................... [FAIL 1 in Xs]",
            "4 of 6 PASS holds_readings_level_var_top_level_16_ ............................. [PASS in Xs]",
            "5 of 6 FAIL 1 holds_readings_taken_on_day_literal_2024_1_3_ .................... [FAIL 1 in Xs]",
            "6 of 6 FAIL 2 within_readings_level___id___taken_on___var_top_level_8____doubled_3_  [FAIL 2 in Xs]",
        ])
        XCTAssert(build.stdout.hasSuffix("Done. PASS=2 WARN=0 ERROR=4 SKIP=0 NO-OP=0 TOTAL=6\n"), build.stdout)
        // The relation is quoted as swiftdbt's SQLite adapter quotes it (dbt-sqlite leaves the schema bare): compare what follows.
        let compiled = project.root + "/target/compiled/test_arguments/seeds/properties.yml/"
        let holds = try String(contentsOfFile: compiled + "holds_readings_taken_on_day_literal_2024_1_3_.sql", encoding: .utf8)
        XCTAssert(holds.hasSuffix("\"readings\" where not (taken_on >= '2024-01-03')\n"), holds)
        let within = try String(contentsOfFile: compiled + "within_readings_ac66c3d232d056e758f4de9d6cf73eab.sql", encoding: .utf8)
        XCTAssert(within.hasSuffix("\"readings\"\nwhere not (level between 6 and 12) or id is null or taken_on is null\n"), within)
    }
}
