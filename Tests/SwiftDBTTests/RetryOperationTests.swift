import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// `run-operation` writes `run_results.json` as dbt-core 1.10 does (the macro's result, the macro and its
/// arguments under `args`), and `retry` after it runs the macro again with those arguments, failed or not;
/// against `Tests/Fixtures/reference/retry-operation.json` (scripts/record-retry-operation.py, same project).
final class RetryOperationTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-retry-operation-\(UUID().uuidString)").path
        let files = [
            "dbt_project.yml": "name: refp\nversion: '1.0'\nprofile: refp\n",
            "macros/hello.sql": "{% macro hello(x=1) %}{{ log('hi ' ~ x, info=true) }}"
                + "{% if x == 2 %}{{ exceptions.raise_compiler_error('boom') }}{% endif %}{% endmacro %}\n",
            "profiles.yml": "refp:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n      database: main\n"
                + "      schema: main\n      schemas_and_paths:\n        main: \(root)/main.db\n      schema_directory: \(root)\n",
        ]
        for (path, text) in files {
            let file = root + "/" + path
            try FileManager.default.createDirectory(atPath: PathText.deletingLastComponent(file), withIntermediateDirectories: true)
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// One invocation as the reference records it: exit code, the macro's `log()` lines, `args` and results.
    private func invoke(_ arguments: [String]) throws -> [String: Any] {
        let run = try runCLI(arguments + ["--profiles-dir", "."], in: root)
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/target/run_results.json"))
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let args = try XCTUnwrap(document["args"] as? [String: Any])
        let results = try XCTUnwrap(document["results"] as? [[String: Any]]).map { result -> [String: Any] in
            var result = result
            result["execution_time"] = nil
            result["timing"] = (result["timing"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            return result
        }
        return ["exit_code": Int(run.code),
                "logged": run.stdout.split(separator: "\n").compactMap { $0.firstMatch(of: #/^\d\d:\d\d:\d\d  (hi \d)$/#).map { String($0.1) } },
                "args": ["which": args["which"] ?? NSNull(), "macro": args["macro"] ?? NSNull(), "args": args["args"] ?? NSNull()],
                "results": results]
    }

    func testRetryRunsTheOperationAgainAsDBT() throws {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("reference/retry-operation.json"))
        let reference = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
        for (label, arguments) in [("failing", ["run-operation", "hello", "--args", "{x: 2}"]), ("passing", ["run-operation", "hello"])] {
            try? FileManager.default.removeItem(atPath: root + "/target")
            let expected = try XCTUnwrap(reference[label])
            XCTAssertEqual(try invoke(arguments) as NSDictionary, expected["operation"] as? NSDictionary, label)
            XCTAssertEqual(try invoke(["retry"]) as NSDictionary, expected["retry"] as? NSDictionary, label + " retry")
        }
    }
}
