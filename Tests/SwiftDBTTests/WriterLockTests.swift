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

    /// The test holds the database first, so both builds find it taken and wait; once it lets go they take it
    /// one after the other.
    func testTwoBuildsWaitingForTheDatabaseRunOneAfterTheOther() throws {
        let database = project.root + "/target/writers.sqlite"
        for round in 1...3 {
            var held: WriterLock? = try WriterLock(database: database, projectRoot: project.root, timeout: 0) { _ in
                XCTFail("nobody else holds the lock")
            }
            let builds = try ["a", "b"].map { writer in
                try LoggedRun(["build", "--vars", "writer: \(writer)\(round)"], in: project.root, log: project.root + "/\(writer)\(round).log")
            }
            guard builds.allSatisfy({ build in build.wait(upTo: 20) { build.output.contains(waiting) } }) else {
                return XCTFail("both builds wait for the database: \(builds.map { $0.finish().output })")
            }
            held = nil
            XCTAssertNil(held)
            try assertBothSucceeded(builds.map { $0.finish() }, round: round)
        }
    }

    /// Two builds started together: one gets the database, the other waits for it (when it starts late
    /// enough, it finds the database free: neither then waits).
    func testTwoBuildsStartedTogetherBothSucceed() throws {
        for round in 1...3 {
            let builds = try ["a", "b"].map { writer in
                try LoggedRun(["build", "--vars", "writer: \(writer)\(round)"], in: project.root, log: project.root + "/\(writer)\(round).log")
            }
            let results = builds.map { $0.finish() }
            XCTAssertLessThanOrEqual(results.filter { $0.output.contains(waiting) }.count, 1, results.map(\.output).joined())
            try assertBothSucceeded(results, round: round)
        }
    }

    /// Both builds passed, and the tables are whole: both models written by the same, later build.
    private func assertBothSucceeded(_ results: [(code: Int32, output: String)], round: Int) throws {
        for result in results {
            XCTAssertEqual(result.code, 0, result.output)
            XCTAssert(result.output.contains("Done. PASS=2 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=2"), result.output)
        }
        let written = try project.rows("select writer from slow_count")
        XCTAssert([[.text("a\(round)")], [.text("b\(round)")]].contains(written), "\(written)")
        XCTAssertEqual(try project.rows("select n, writer from slow_count"), try project.rows("select n, writer from after_count"))
        XCTAssertEqual(try project.rows("select count(*) from sqlite_master"), [[2]], "no __dbt_tmp or __dbt_backup left")
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
