import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// Python models (`models/*.py`) are parsed as dbt 1.10 parses them and fail only their own node when run, as
/// on dbt-sqlite and dbt-postgres, which run no Python. The fixture's manifest fields, run results and parse
/// errors are compared with what dbt-core 1.10.23 recorded for it (`python_models/expected.json`, by
/// scripts/record-python-models.py).
final class PythonModelTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = try copyFixture("python_models")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(root))
    }

    private func reference(_ adapter: String = "sqlite") throws -> [String: Any] {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("python_models/expected.json"))
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try XCTUnwrap(document[adapter] as? [String: Any])
    }

    private func json(_ file: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/target/" + file))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testManifestHasThePythonModelsAsDbts() throws {
        let run = try runCLI(["parse"], in: root)
        XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
        let nodes = try XCTUnwrap(try json("manifest.json")["nodes"] as? [String: [String: Any]])
        let expected = try XCTUnwrap(try reference()["manifest"] as? [String: [String: Any]])
        XCTAssertEqual(Set(nodes.filter { $0.value["language"] as? String == "python" }.keys), Set(expected.keys))
        for (id, fields) in expected {
            let node = try XCTUnwrap(nodes[id], id)
            let config = node["config"] as? [String: Any] ?? [:]
            let found: [String: Any?] = [
                "language": node["language"], "refs": node["refs"], "sources": node["sources"], "checksum": node["checksum"],
                "depends_on": (node["depends_on"] as? [String: Any])?["nodes"], "materialized": config["materialized"],
                "tags": node["tags"],  // dbt's node tags are its config's here
            ]
            XCTAssertEqual(found.compactMapValues { $0 } as NSDictionary, fields as NSDictionary, id)
        }
    }

    /// The Python models fail with dbt's message; what depends on them is skipped, the SQL model is built.
    /// (dbt-sqlite fails `scored`, the model with a `dbt.ref`, earlier, in its own `ref` macro: swiftdbt gives
    /// it the message dbt-postgres gives, with the SQLite materialization's name.)
    func testRunFailsOnlyThePythonModels() throws {
        let run = try runCLI(["run"], in: root)
        let expected = try reference()["run"] as? [String: Any]
        XCTAssertEqual(Int(run.code), expected?["exit"] as? Int, run.stdout + run.stderr)
        let results = try XCTUnwrap(try json("run_results.json")["results"] as? [[String: Any]])
        let found = Dictionary(uniqueKeysWithValues: results.map { ($0["unique_id"] as? String ?? "", $0) })
        let recorded = try XCTUnwrap(expected?["results"] as? [String: [String: Any]])
        XCTAssertEqual(Set(found.keys), Set(recorded.keys))
        for id in ["model.python_models.customers", "model.python_models.events_py", "model.python_models.after_scored"] {
            XCTAssertEqual(found[id]?["status"] as? String, recorded[id]?["status"] as? String, id)
            XCTAssertEqual(found[id]?["message"] as? String, recorded[id]?["message"] as? String, id)
        }
        let postgres = try XCTUnwrap(try reference("postgres")["run"] as? [String: Any])
        let scored = try XCTUnwrap((postgres["results"] as? [String: [String: Any]])?["model.python_models.scored"]?["message"] as? String)
        XCTAssertEqual(found["model.python_models.scored"]?["message"] as? String,
                       scored.replacingOccurrences(of: "materialization_table_default", with: "materialization_table_sqlite"))
        XCTAssertTrue(run.stdout.contains("START python table model main.scored"), run.stdout)
    }

    func testSelectionFollowsThePythonModelsRefs() throws {
        let run = try runCLI(["ls", "-s", "+after_scored", "--output", "name"], in: root)
        XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
        let names = run.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(names.filter { ["customers", "scored", "after_scored", "events_py"].contains($0) }.sorted(),
                       ["after_scored", "customers", "scored"])
    }

    /// A Python syntax error, a second `def model` and a non-literal argument are load errors (exit 2) at their line.
    func testBrokenPythonModelsAreLoadErrors() throws {
        let cases: [(name: String, code: String, message: String)] = [
            ("syntax_error", "def model(dbt, session):\n    return dbt.ref('customers'\n",
             "models/broken.py:2:19: '(' was never closed"),
            ("two_models", "def model(dbt, session):\n    return 1\n\n\ndef model(dbt, session):\n    return 2\n",
             "models/broken.py:5:1: dbt allows exactly one model defined per python file, found 2"),
            ("not_literal", "def model(dbt, session):\n    name = 'customers'\n    return dbt.ref(name)\n",
             "models/broken.py:3:20: Error when trying to literal_eval an arg to dbt.ref(), dbt.source(), dbt.config() or dbt.config.get(): malformed node or string on line 3"),
        ]
        let deep = "def model(dbt, session):\n    return dbt.ref(" + String(repeating: "[", count: 300) + "\n"
        try deep.write(toFile: root + "/models/broken.py", atomically: true, encoding: .utf8)
        let nested = try runCLI(["parse"], in: root)
        XCTAssertEqual(nested.code, 2)
        XCTAssertTrue((nested.stdout + nested.stderr).contains("models/broken.py:2:219: too many nested parentheses"), nested.stdout + nested.stderr)
        let signs = "def model(dbt, session):\n    return dbt.ref(" + String(repeating: "-", count: 300) + "1)\n"
        try signs.write(toFile: root + "/models/broken.py", atomically: true, encoding: .utf8)
        XCTAssertEqual(try runCLI(["parse"], in: root).code, 2)
        for (name, code, message) in cases {
            try code.write(toFile: root + "/models/broken.py", atomically: true, encoding: .utf8)
            let run = try runCLI(["parse"], in: root)
            let expected = try XCTUnwrap(try reference()[name] as? [String: Any])
            XCTAssertEqual(Int(run.code), expected["exit"] as? Int, name)
            XCTAssertTrue((run.stdout + run.stderr).contains(message), "\(name): \(run.stdout)\(run.stderr)")
        }
    }
}
