import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// `build` runs exposures and saved queries as dbt 1.10 does: `NO-OP` lines after what they depend on, `no-op`
/// results, counted in the summary, selectable, skipped when what they depend on fails, and run again by `retry`.
/// Each case of the semantic layer fixture is compared with what dbt-core 1.10 printed and wrote for it
/// (`expected-build.json`, recorded by scripts/record-noop-reference.py).
final class NoOpBuildTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = try copyFixture("semantic_layer")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(root))
    }

    private func reference() throws -> [String: Any] {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("semantic_layer/expected-build.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Runs `arguments` and compares the exit code, lines, results and args with dbt's `case`.
    private func check(_ name: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let cases = try XCTUnwrap(try reference()["cases"] as? [String: [String: Any]])
        let expected = try XCTUnwrap(cases[name], name)
        let run = try runCLI(arguments, in: root)
        let lines = CLIRun(code: run.code, stdout: run.stdout, stderr: run.stderr)
        XCTAssertEqual(Int(run.code), expected["code"] as? Int, "\(name): \(run.stdout)\(run.stderr)", file: file, line: line)
        XCTAssertEqual(lines.results, expected["progress"] as? [String], name, file: file, line: line)
        XCTAssertEqual(lines.lines.first { $0.hasPrefix("Finished running") }, expected["finished"] as? String, name, file: file, line: line)
        XCTAssertEqual(lines.lines.first { $0.hasPrefix("Done.") }, expected["done"] as? String, name, file: file, line: line)
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/target/run_results.json"))
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let results = try XCTUnwrap(document["results"] as? [[String: Any]]).filter { entry in
            let id = entry["unique_id"] as? String ?? ""
            return id.hasPrefix("exposure.") || id.hasPrefix("saved_query.")
        }
        let recorded = try XCTUnwrap(expected["results"] as? [String: [String: Any]])
        XCTAssertEqual(Set(results.compactMap { $0["unique_id"] as? String }), Set(recorded.keys), name, file: file, line: line)
        for entry in results {
            let id = entry["unique_id"] as? String ?? ""
            var found = entry.filter { !["timing", "execution_time", "unique_id"].contains($0.key) }
            found["timing"] = (entry["timing"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            XCTAssertEqual(found as NSDictionary, recorded[id].map { $0 as NSDictionary }, "\(name) \(id)", file: file, line: line)
        }
        let args = try XCTUnwrap(document["args"] as? [String: Any])
        let expectedArgs = try XCTUnwrap(expected["args"] as? [String: Any])
        for key in ["resource_types", "exclude_resource_types"] {
            XCTAssertEqual(args[key] as? [String], expectedArgs[key] as? [String], "\(name) \(key)", file: file, line: line)
        }
    }

    func testBuildRunsExposuresAndSavedQueriesAsNoOps() throws {
        try check("all", ["build"])
    }

    func testSelectedExposureAlone() throws {
        try check("exposure", ["build", "-s", "exposure:weekly_report"])
    }

    func testExposureWithWhatItDependsOn() throws {
        try check("exposure_parents", ["build", "-s", "+exposure:weekly_report"])
    }

    func testResourceTypes() throws {
        try check("resource_types", ["build", "--resource-type", "exposure", "--resource-type", "saved_query"])
    }

    func testExcludedResourceType() throws {
        try check("exclude_exposure", ["build", "--exclude-resource-type", "exposure"])
    }

    func testFailingModelSkipsThemAndRetryRunsThemAgain() throws {
        let reference = try reference()
        let orders = root + "/models/orders.sql"
        try XCTUnwrap(reference["failing_orders"] as? String).write(toFile: orders, atomically: true, encoding: .utf8)
        try check("failing", ["build"])
        try XCTUnwrap(reference["fixed_orders"] as? String).write(toFile: orders, atomically: true, encoding: .utf8)
        try check("retry", ["retry"])
    }

    /// The `--log-format json --debug` events of the exposure and the saved query, against dbt's
    /// (`expected-noop-events.json`, scripts/record-noop-log-events.py): `NodeStart`, `LogNodeNoOpResult` and
    /// `NodeFinished` in dbt's order with its name, code, level, thread, message and fields (`node_info` with an empty
    /// relation and materialization), times and durations aside; of `NodeFinished`'s `run_result`, status and message.
    /// dbt's connection, `NodeCompiling` and `NodeExecuting` events, which swiftdbt logs for no node, are left out.
    func testNoOpEventsAsDbtLogsThem() throws {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("semantic_layer/expected-noop-events.json"))
        let reference = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let expected = try XCTUnwrap(reference["nodes"] as? [String: [[String: Any]]])
        let run = try runCLI(["build", "--log-format", "json", "--debug"], in: root)
        XCTAssertEqual(Int(run.code), reference["code"] as? Int, run.stdout + run.stderr)
        let compared: Set<String> = ["NodeStart", "LogNodeNoOpResult", "NodeFinished"]
        var found: [String: [[String: Any]]] = [:]
        for line in run.stdout.split(separator: "\n") {
            guard let event = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let info = event["info"] as? [String: Any], let name = info["name"] as? String, compared.contains(name),
                  let data = event["data"] as? [String: Any], let id = (data["node_info"] as? [String: Any])?["unique_id"] as? String,
                  id.hasPrefix("exposure.") || id.hasPrefix("saved_query.") else { continue }
            var msg = info["msg"] as? String ?? ""
            if let range = msg.range(of: #" in \d+\.\d\ds\]$"#, options: .regularExpression) { msg.replaceSubrange(range, with: " in <seconds>]") }
            found[id, default: []].append(["name": name, "code": info["code"] ?? "", "level": info["level"] ?? "",
                                           "thread": info["thread"] ?? "", "msg": msg, "data": Self.masked(data)])
        }
        XCTAssertEqual(Set(found.keys), Set(expected.keys))
        for (id, events) in expected {
            let dbt = events.filter { compared.contains($0["name"] as? String ?? "") }
            let ours = found[id] ?? []
            XCTAssertEqual(ours.map { $0["name"] as? String }, dbt.map { $0["name"] as? String }, id)
            for (mine, theirs) in zip(ours, dbt) {
                let label = "\(id) \(theirs["name"] ?? "")"
                for key in ["code", "level", "thread", "msg"] {
                    XCTAssertEqual(mine[key] as? String, theirs[key] as? String, "\(label) \(key)")
                }
                var mineData = try XCTUnwrap(mine["data"] as? [String: Any]), theirData = try XCTUnwrap(theirs["data"] as? [String: Any])
                if theirs["name"] as? String == "NodeFinished" {
                    for key in ["status", "message"] {
                        XCTAssertEqual((mineData["run_result"] as? [String: Any])?[key] as? String,
                                       (theirData["run_result"] as? [String: Any])?[key] as? String, "\(label) run_result.\(key)")
                    }
                    mineData["run_result"] = nil
                    theirData["run_result"] = nil
                }
                XCTAssertEqual(mineData as NSDictionary, theirData as NSDictionary, label)
            }
        }
    }

    /// `value` with its timestamps as `<time>` and `execution_time` as `<seconds>`, as the recorder writes dbt's.
    private static func masked(_ value: Any, key: String? = nil) -> Any {
        if let dictionary = value as? [String: Any] {
            return Dictionary(uniqueKeysWithValues: dictionary.map { ($0.key, masked($0.value, key: $0.key)) })
        }
        if let list = value as? [Any] { return list.map { masked($0) } }
        if key == "execution_time" { return "<seconds>" }
        if let text = value as? String,
           text.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?$"#, options: .regularExpression) != nil {
            return "<time>"
        }
        return value
    }

    func testFailingTestDoesNotHoldThemBack() throws {
        try XCTUnwrap(try reference()["failing_test"] as? String).write(toFile: root + "/models/tests.yml", atomically: true, encoding: .utf8)
        try check("failing_test", ["build"])
    }
}
