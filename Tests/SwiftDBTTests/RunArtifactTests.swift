import XCTest

/// `target/run_results.json` in dbt's shape and the SQL files under `target/compiled` and
/// `target/run` after a `build` (fixture `execution/skips`).
final class RunArtifactTests: XCTestCase {
    func testRunResultsHaveDbtsFieldsForEachStatus() throws {
        let project = try ExecutionProject("skips")
        XCTAssertEqual(try project.run("build", "--vars", "break_base: true").code, 1)
        let results = try project.runResults()
        XCTAssertEqual(results.count, 8)
        let failed = try XCTUnwrap(results["model.skips.base"])
        XCTAssertEqual(failed["status"] as? String, "error")
        XCTAssertEqual(failed["relation_name"] as? String, "\"main\".\"base\"")
        XCTAssert((failed["message"] as? String)?.contains("no such column: no_such_column") == true, "\(failed)")
        XCTAssert(failed["failures"] is NSNull)
        XCTAssert((failed["execution_time"] as? Double).map { $0 >= 0 } == true)
        XCTAssertEqual((failed["timing"] as? [[String: Any]])?.map { $0["name"] as? String }, ["compile", "execute"])
        let timing = try XCTUnwrap((failed["timing"] as? [[String: Any]])?.last)
        XCTAssertNotNil(timing["started_at"] as? String)
        XCTAssertNotNil(timing["completed_at"] as? String)
        for key in ["thread_id", "adapter_response", "compiled", "compiled_code", "unique_id"] {
            XCTAssertNotNil(failed[key], key)
        }
        let skipped = try XCTUnwrap(results["model.skips.leaf"])
        XCTAssertEqual(skipped["status"] as? String, "skipped")
        XCTAssertEqual((skipped["timing"] as? [Any])?.count, 0)
        let seeded = try XCTUnwrap(results["seed.skips.raw"])
        XCTAssertEqual(seeded["status"] as? String, "success")
        XCTAssertEqual(seeded["message"] as? String, "INSERT 3")
    }

    func testCompiledAndRunSQLAreWritten() throws {
        let project = try ExecutionProject("skips")
        XCTAssertEqual(try project.run("build", "--vars", "break_base: true").code, 1)
        for path in ["target/compiled/skips/models/base.sql", "target/run/skips/models/base.sql",
                     "target/run/skips/models/independent.sql", "target/manifest.json"] {
            XCTAssert(project.exists(path), path)
        }
        XCTAssertFalse(project.exists("target/run/skips/models/leaf.sql"), "skipped nodes are not compiled")
        XCTAssertEqual(try project.run("build").code, 0)
        XCTAssert(project.exists("target/run/skips/data-tests/amounts_below_max.sql"))
        let run = try String(contentsOfFile: project.root + "/target/run/skips/models/leaf.sql", encoding: .utf8)
        XCTAssert(run.contains("from \"main\".\"downstream\""), run)
    }
}
