import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// `run-operation` and `compile` write `run_results.json` as dbt-core 1.10 does (the macro's result, the macro and
/// its arguments under `args`; each compiled node's result), and `retry` after `run-operation` runs the macro again
/// with those arguments, failed or not, and after a `compile` finds nothing to do; against
/// `Tests/Fixtures/reference/retry-reference.json` (scripts/record-retry-reference.py, same project).
final class RetryReferenceTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-retry-operation-\(UUID().uuidString)").path
        let files = [
            "dbt_project.yml": "name: refp\nversion: '1.0'\nprofile: refp\n",
            "seeds/people.csv": "id,name\n1,a\n",
            "models/m1.sql": "select * from {{ ref('people') }}\n",
            "models/m2.sql": "select * from {{ ref('m1') }}\n",
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
            (result["execution_time"], result["thread_id"]) = (nil, nil)
            result["timing"] = (result["timing"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            return result
        }
        return ["exit_code": Int(run.code),
                "logged": run.stdout.split(separator: "\n").compactMap { $0.firstMatch(of: #/^\d\d:\d\d:\d\d  (hi \d|Nothing to do.*)$/#).map { String($0.1) } },
                "args": ["which": args["which"] ?? NSNull(), "macro": args["macro"] ?? NSNull(), "args": args["args"] ?? NSNull()],
                "results": results.sorted { ($0["unique_id"] as? String ?? "") < ($1["unique_id"] as? String ?? "") }]
    }

    /// dbt-sqlite leaves the schema of a relation unquoted; swiftdbt quotes every identifier.
    private func quoted(_ value: Any) throws -> NSDictionary {
        let text = String(decoding: try JSONSerialization.data(withJSONObject: value), as: UTF8.self)
        let fixed = text.replacing(#"main.\""#, with: #"\"main\".\""#)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(fixed.utf8)) as? NSDictionary)
    }

    func testRetryAfterAnOperationOrACompileIsDBTs() throws {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("reference/retry-reference.json"))
        let reference = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
        for (label, arguments) in [("failing", ["run-operation", "hello", "--args", "{x: 2}"]), ("passing", ["run-operation", "hello"]),
                                   ("compile", ["compile", "-s", "m1+"])] {
            try? FileManager.default.removeItem(atPath: root + "/target")
            let expected = try XCTUnwrap(reference[label])
            XCTAssertEqual(try invoke(arguments) as NSDictionary, try quoted(try XCTUnwrap(expected["operation"])), label)
            XCTAssertEqual(try invoke(["retry"]) as NSDictionary, try quoted(try XCTUnwrap(expected["retry"])), label + " retry")
        }
    }
}
