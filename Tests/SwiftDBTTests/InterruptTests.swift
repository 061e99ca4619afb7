import Foundation
import TestSupport
import XCTest
@testable import SQLiteAdapter

/// Ctrl-C stops the statement in flight, rolls it back, writes the artifacts and exits non-zero,
/// leaving nothing half-built under a real name.
final class InterruptTests: XCTestCase {
    func testInterruptStopsTheRunCleanly() throws {
        let root = try copyFixture("execution/interrupt")
        let process = Process()
        process.executableURL = swiftdbtExecutable()
        process.arguments = ["run"]
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        process.environment = isolatedEnvironment(["NO_COLOR": "1"])
        let output = root + "/run.log"
        FileManager.default.createFile(atPath: output, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            if text.contains("START sql table model main.slow") { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Thread.sleep(forTimeInterval: 0.3)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        XCTAssertNotEqual(process.terminationStatus, 0, text)
        XCTAssert(text.contains("ERROR creating sql table model main.slow"), text)
        XCTAssert(text.contains("SKIP relation main.after_slow"), text)
        let results = try String(contentsOfFile: root + "/target/run_results.json", encoding: .utf8)
        XCTAssert(results.contains("\"status\": \"skipped\""), results)
        let database = try SQLiteConnection.open(path: root + "/target/interrupt.sqlite")
        let tables = try database.prepare("select name from sqlite_master where type = 'table' order by name").rows()
        XCTAssertEqual(tables, [[.text("quick")]], "no slow, slow__dbt_tmp or after_slow table")
    }
}
