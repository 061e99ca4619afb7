import Foundation
import TestSupport
import XCTest
@testable import SQLiteAdapter

/// Ctrl-C stops the statement in flight, rolls it back, writes the artifacts and exits non-zero,
/// leaving nothing half-built under a real name.
final class InterruptTests: XCTestCase {
    func testInterruptStopsTheRunCleanly() throws {
        let root = try copyFixture("execution/interrupt")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let run = try LoggedRun(["run"], in: root, log: root + "/run.log")
        XCTAssert(run.wait(upTo: 30) { run.output.contains("START sql table model main.slow") }, run.output)
        Thread.sleep(forTimeInterval: 0.3)
        run.send(SIGINT)
        let (code, text) = run.finish()
        XCTAssertNotEqual(code, 0, text)
        XCTAssert(text.contains("ERROR creating sql table model main.slow"), text)
        XCTAssert(text.contains("SKIP relation main.after_slow"), text)
        let results = try String(contentsOfFile: root + "/target/run_results.json", encoding: .utf8)
        XCTAssert(results.contains("\"status\": \"skipped\""), results)
        let database = try SQLiteConnection.open(path: root + "/target/interrupt.sqlite")
        let tables = try database.prepare("select name from sqlite_master where type = 'table' order by name").rows()
        XCTAssertEqual(tables, [[.text("quick")]], "no slow, slow__dbt_tmp or after_slow table")
    }
}
