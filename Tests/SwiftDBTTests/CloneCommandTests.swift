import Foundation
import SQLiteAdapter
import TestSupport
import XCTest
@testable import SwiftDBT

/// `swiftdbt clone --state` on SQLite (fixture `clone`): the "prod" target's relations read from "dev"
/// through copies (SQLite refuses a view over another schema's file, where dbt-sqlite's clone fails),
/// relations that exist left alone unless `--full-refresh`, with dbt's output lines and results
/// (`Tests/Fixtures/reference/clone.json`, recorded by `scripts/record-clone-reference.py`; the lines are
/// dbt-postgres's, as dbt-sqlite errors).
final class CloneCommandTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = try copyFixture("clone")
        try """
        {"clones": {"target": "dev", "outputs": {
          "prod": {"type": "sqlite", "path": "warehouse/main.sqlite", "schema": "prod", "threads": 1},
          "dev": {"type": "sqlite", "path": "warehouse/main.sqlite", "schema": "dev", "threads": 1}}}}
        """.write(toFile: root + "/profiles.json", atomically: false, encoding: .utf8)
        let production = try runCLI(["build", "--target", "prod"], in: root)
        XCTAssertEqual(production.code, 0, production.stdout + production.stderr)
        try FileManager.default.copyItem(atPath: root + "/target", toPath: root + "/prod-state")
        let own = try runCLI(["run", "-s", "m3", "--target", "dev"], in: root)
        XCTAssertEqual(own.code, 0, own.stdout + own.stderr)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(root))
    }

    /// The reference's lines of a step, with dbt-postgres's relation names as SQLite's.
    private func referenceLines(_ step: String) throws -> [String] {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("reference/clone.json"))
        let all = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: [String: [String: Any]]])
        let lines = try XCTUnwrap(all["postgres"]?[step]?["lines"] as? [String])
        return lines.map { $0.replacingOccurrences(of: "\"swiftdbt_test\".\"<dev>\"", with: "\"dev\"") }
    }

    private func clone(_ extra: [String] = []) throws -> (code: Int32, lines: [String]) {
        let result = try runCLI(["clone", "--state", "prod-state"] + extra, in: root)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line).replacing(#/^\d\d:\d\d:\d\d  /#, with: "")
        }
        let start = lines.firstIndex { $0.hasPrefix("Concurrency:") } ?? 0
        XCTAssertEqual(result.stderr, "")
        // From the concurrency line on, without the empty string after the last newline.
        return (result.code, Array(lines[start...].dropLast()))
    }

    private func relations() throws -> [String: String] {
        let connection = try SQLiteConnection.open(path: root + "/warehouse/dev.db")
        return Dictionary(uniqueKeysWithValues: try connection.prepare("select name, type from sqlite_master where type in ('table', 'view')")
            .rows().map { ($0[0].text ?? "", $0[1].text ?? "") })
    }

    private func rows(_ sql: String) throws -> [[SQLiteValue]] {
        let connection = try SQLiteConnection.open(path: root + "/warehouse/dev.db")
        return try connection.prepare(sql).rows()
    }

    func testCloneCopiesWhatDevLacksAndLeavesWhatItHas() throws {
        let first = try clone()
        XCTAssertEqual(first.code, 0, first.lines.joined(separator: "\n"))
        XCTAssertEqual(first.lines, try referenceLines("clone"))
        XCTAssertEqual(try relations(), ["m1": "table", "m2": "table", "m3": "table", "people": "table"])
        XCTAssertEqual(try rows("select count(*) from m1"), [[2]], "prod's rows")
        XCTAssertEqual(try rows("select count(*) from m2"), [[2]])
        let results = try runResults()
        XCTAssertEqual(results["model.clones.m3"]?["message"] as? String, "No-op")
        XCTAssertEqual(results["model.clones.m1"]?["message"] as? String, "OK")
        XCTAssertEqual((results["model.clones.m1"]?["timing"] as? [[String: Any]])?.map { $0["name"] as? String }, ["compile", "execute"])
        let again = try clone()
        XCTAssertEqual(again.code, 0)
        XCTAssertEqual(again.lines, try referenceLines("clone_again"))
    }

    func testFullRefreshReplacesWhatExists() throws {
        try "select 7 as n".write(toFile: root + "/models/m3.sql", atomically: false, encoding: .utf8)
        XCTAssertEqual(try runCLI(["run", "-s", "m3", "--target", "dev"], in: root).code, 0)
        XCTAssertEqual(try rows("select n from m3"), [[7]])
        XCTAssertEqual(try clone().code, 0)
        XCTAssertEqual(try rows("select n from m3"), [[7]], "an existing relation is left alone")
        let refreshed = try clone(["--full-refresh"])
        XCTAssertEqual(refreshed.code, 0)
        XCTAssertEqual(refreshed.lines, try referenceLines("clone_full_refresh"))
        XCTAssertEqual(try rows("select n from m3"), [[1]], "prod's m3")
        let args = try XCTUnwrap(try runResultsDocument()["args"] as? [String: Any])
        XCTAssertEqual(args["which"] as? String, "clone")
        XCTAssertEqual(args["full_refresh"] as? Bool, true)
    }

    /// `retry` after a clone clones again what failed, from the same state.
    func testRetryClonesWhatFailed() throws {
        // prod's view names its schema: the file is opened as the project opens it, attached as "prod".
        let prod = try SQLiteConnection.open(path: root + "/warehouse/main.sqlite")
        try prod.attach(databaseAt: root + "/warehouse/prod.db", as: "prod")
        try prod.execute("drop view prod.m2; drop table prod.m1")
        let failed = try clone()
        XCTAssertEqual(failed.code, 1)
        XCTAssertEqual(try runResults().filter { $0.value["status"] as? String == "error" }.keys.sorted(), ["model.clones.m1", "model.clones.m2"])
        // prod rebuilt elsewhere (DBT_TARGET_PATH), so the clone's run_results.json stays the last.
        XCTAssertEqual(try runCLI(["build", "--target", "prod", "-s", "m1", "m2"], in: root, environment: ["DBT_TARGET_PATH": "prod-target"]).code, 0)
        let retry = try runCLI(["retry"], in: root)
        XCTAssertEqual(retry.code, 0, retry.stdout + retry.stderr)
        XCTAssertEqual(try runResults().mapValues { $0["status"] as? String ?? "" }, ["model.clones.m1": "success", "model.clones.m2": "success"])
        XCTAssertEqual((try runResultsDocument()["args"] as? [String: Any])?["which"] as? String, "clone")
        XCTAssertEqual(try rows("select count(*) from m2"), [[2]])
    }

    func testCloneNeedsAState() throws {
        let result = try runCLI(["clone"], in: root)
        XCTAssertEqual(result.code, 2)
        XCTAssertTrue(result.stderr.contains("clone needs --state (or DBT_STATE)"), result.stderr)
    }

    private func runResultsDocument() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/target/run_results.json"))
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func runResults() throws -> [String: [String: Any]] {
        let results = try XCTUnwrap(try runResultsDocument()["results"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: results.map { ($0["unique_id"] as? String ?? "", $0) })
    }
}
