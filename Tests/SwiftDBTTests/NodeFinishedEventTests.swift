import Foundation
import TestSupport
import XCTest

/// `--log-format json --debug`: each `NodeFinished` event's `data.run_result` is the whole result as dbt-core 1.10
/// sends it (status, message, timing_info, thread, execution_time, num_failures, adapter_response), for a passing
/// and a failing model, a seed, a passing and a failing test of Tests/Fixtures/resource_types built with
/// `--vars '{fail: true}'`. Compared field for field, times masked, with `expected-node-finished.json`
/// (recorded by scripts/record-node-finished.py).
final class NodeFinishedEventTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = try ResourceTypesFixture.copy()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }

    /// `run_result` with dbt's recording's masks: every timing's times and the execution time.
    private static func masked(_ runResult: [String: Any]) -> NSDictionary {
        var result = runResult
        result["timing_info"] = (runResult["timing_info"] as? [[String: Any]] ?? []).map { timing in
            timing.mapValues { _ in "<timestamp>" as Any }.merging(["name": timing["name"] ?? ""]) { $1 }
        }
        result["execution_time"] = "<seconds>"
        return result as NSDictionary
    }

    func testRunResultCarriesTheWholeResult() throws {
        let reference = try ResourceTypesFixture.reference("expected-node-finished.json")
        // swiftdbt takes dbt's global options after the command.
        let arguments = ["build"] + (try XCTUnwrap(reference["arguments"] as? [String])).filter { !["build", "--no-partial-parse"].contains($0) }
        let expected = try XCTUnwrap(reference["events"] as? [String: [String: Any]])
        XCTAssertEqual(expected.count, 5)
        let run = try runCLI(arguments + ["--profiles-dir", root], in: root)
        XCTAssertEqual(Int(run.code), reference["exit_code"] as? Int, run.stdout + run.stderr)
        var found: [String: [String: Any]] = [:]
        for line in run.stdout.split(separator: "\n") {
            guard let event = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let info = event["info"] as? [String: Any], info["name"] as? String == "NodeFinished",
                  let data = event["data"] as? [String: Any], let node = data["node_info"] as? [String: Any],
                  let uniqueID = node["unique_id"] as? String, expected[uniqueID] != nil else { continue }
            found[uniqueID] = ["code": info["code"] ?? "", "level": info["level"] ?? "",
                               "run_result": Self.masked(data["run_result"] as? [String: Any] ?? [:])]
        }
        for (uniqueID, event) in expected {
            let mine = try XCTUnwrap(found[uniqueID], uniqueID)
            XCTAssertEqual(mine["code"] as? String, event["code"] as? String, uniqueID)
            XCTAssertEqual(mine["level"] as? String, event["level"] as? String, uniqueID)
            XCTAssertEqual(mine["run_result"] as? NSDictionary, event["run_result"] as? NSDictionary, uniqueID)
        }
    }
}
