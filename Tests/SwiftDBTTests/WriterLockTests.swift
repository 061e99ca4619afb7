import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// One writer per SQLite target: a second build waits for the first and then runs whole; one that cannot
/// get the database in time stops before touching it (fixture `execution/writers`).
final class WriterLockTests: XCTestCase {
    private var project: ExecutionProject!

    override func setUpWithError() throws {
        project = try ExecutionProject("writers")
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(atPath: (project.root as NSString).deletingLastPathComponent)
    }

    private let waiting = "Waiting for another swiftdbt run using target/writers.sqlite to finish"

    func testTwoBuildsAtOnceRunOneAfterTheOther() throws {
        for round in 1...3 {
            let first = try startCLI(["build", "--vars", "writer: a\(round)"], in: project.root)
            let second = try startCLI(["build", "--vars", "writer: b\(round)"], in: project.root)
            let runs = [first.wait(), second.wait()]
            for run in runs {
                XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
                XCTAssert(run.stdout.contains("Done. PASS=2 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=2"), run.stdout)
            }
            let waited = runs.map { $0.stdout.contains(waiting) }
            XCTAssertEqual(waited.filter { $0 }.count, 1, "exactly one build waited, round \(round): \(runs.map(\.stdout))")
            let last = waited[0] ? "a\(round)" : "b\(round)"
            XCTAssertEqual(try project.rows("select n, writer from slow_count"), [[2_000_000, .text(last)]])
            XCTAssertEqual(try project.rows("select n, writer from after_count"), [[2_000_000, .text(last)]])
            XCTAssertEqual(try project.rows("select count(*) from sqlite_master"), [[2]], "no __dbt_tmp or __dbt_backup left")
        }
    }

    func testABuildThatCannotGetTheDatabaseInTimeTouchesNothing() throws {
        let database = project.root + "/target/writers.sqlite"
        var held: WriterLock? = try WriterLock(database: database, projectRoot: project.root, timeout: 0) { _ in
            XCTFail("nobody else holds the lock")
        }
        let run = try runCLI(["build"], in: project.root, environment: ["SWIFTDBT_LOCK_TIMEOUT": "0.5"])
        XCTAssertEqual(run.code, 2, run.stdout + run.stderr)
        XCTAssert(run.stdout.contains(waiting), run.stdout)
        XCTAssertEqual(run.stderr, "another swiftdbt run is still using target/writers.sqlite after waiting 0.5 s; "
                       + "try again once it has finished (SWIFTDBT_LOCK_TIMEOUT sets how long to wait)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: database), "the database was never opened")
        let compile = try runCLI(["compile"], in: project.root, environment: ["SWIFTDBT_LOCK_TIMEOUT": "0"])
        XCTAssertEqual(compile.code, 0, "compiling takes no lock: " + compile.stdout + compile.stderr)
        held = nil
        XCTAssertNil(held)
        let free = try runCLI(["build"], in: project.root, environment: ["SWIFTDBT_LOCK_TIMEOUT": "0"])
        XCTAssertEqual(free.code, 0, free.stdout + free.stderr)
        XCTAssertFalse(free.stdout.contains(waiting), free.stdout)
    }

    func testTheTimeoutMustBeANumberOfSeconds() throws {
        let run = try runCLI(["build"], in: project.root, environment: ["SWIFTDBT_LOCK_TIMEOUT": "soon"])
        XCTAssertEqual(run.code, 2, run.stdout + run.stderr)
        XCTAssertEqual(run.stderr, "SWIFTDBT_LOCK_TIMEOUT must be a number of seconds, not 'soon'\n")
    }
}
