import Foundation
import TestSupport
import XCTest
@testable import SQLiteAdapter

/// A run killed with SIGKILL while it swaps a new relation in leaves no `__dbt_tmp` (or `__dbt_backup`) and
/// the previous relation as it was; the next run builds cleanly (fixture `execution/killed`, whose post-hooks
/// run for minutes with `slow: true`).
final class KilledRunTests: XCTestCase {
    private var project: ExecutionProject!

    override func setUpWithError() throws {
        project = try ExecutionProject("killed")
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(atPath: (project.root as NSString).deletingLastPathComponent)
    }

    func testAKilledRunLeavesNoTemporaryRelationAndTheOldOneIntact() throws {
        let first = try project.run("run")
        XCTAssertEqual(first.code, 0, first.all)
        for (model, kind) in [("hooked_table", "table"), ("hooked_incremental", "incremental")] {
            try killWhileSwapping(model, startLine: "START sql \(kind) model main.\(model)")
            XCTAssertEqual(try project.rows("select name from sqlite_master where instr(name, '__dbt_') > 0"), [],
                           "nothing temporary is visible after killing \(model)")
            XCTAssertEqual(try project.rows("select id, label from \(model)"), [[1, "first"]], model)
        }
        let rerun = try project.run("run", "--vars", "label: third")
        XCTAssertEqual(rerun.code, 0, rerun.all)
        XCTAssertEqual(try project.rows("select label from hooked_table union all select label from hooked_incremental"),
                       [["third"], ["third"]])
        XCTAssertEqual(try project.rows("select name from sqlite_master order by name"), [["hooked_incremental"], ["hooked_table"]])
    }

    /// Runs `model` with the slow post-hook and kills the process once the hook has had time to start.
    private func killWhileSwapping(_ model: String, startLine: String) throws {
        let run = try LoggedRun(["run", "--select", model, "--vars", "{label: second, slow: true}"], in: project.root,
                                log: project.root + "/\(model).log")
        XCTAssert(run.wait { run.output.contains(startLine) }, run.output)
        // Compiling and creating the one-row table take milliseconds; the hook then counts for minutes.
        Thread.sleep(forTimeInterval: 1.5)
        XCTAssert(run.isRunning, run.output)
        run.send(SIGKILL)
        XCTAssertEqual(run.finish().code, SIGKILL, "killed, not ended")
    }
}
