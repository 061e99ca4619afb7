import Foundation
import TestSupport
import XCTest

/// The `DBT_*` variables of swiftdbt's flags are read as dbt-core 1.10 reads them: a list kind
/// (`DBT_EXCLUDE_RESOURCE_TYPES`, `DBT_RESOURCE_TYPES`), a boolean kind (`DBT_EMPTY`, `DBT_FAIL_FAST`), a text kind
/// (`DBT_TARGET`), a command-line flag winning over its variable, and values dbt refuses. Each case of the semantic
/// layer fixture is compared with what dbt-core 1.10 ran and wrote in `args` (`expected-flag-variables.json`,
/// recorded by scripts/record-flag-variables.py); a refused value is a usage error (exit 2) naming the variable
/// (a resource type: the option, in click's words).
final class FlagVariableTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = try copyFixture("semantic_layer")
        let output = "      type: sqlite\n      threads: 1\n      path: \(root)/target/main.sqlite\n      schema: main\n"
        try "semantic_layer:\n  target: dev\n  outputs:\n    dev:\n\(output)    other:\n\(output)"
            .write(toFile: root + "/profiles.yml", atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }

    /// Runs dbt's case `name` (its environment and arguments) and compares the exit code, the nodes run and the args.
    @discardableResult
    private func check(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> (code: Int32, stdout: String, stderr: String) {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("semantic_layer/expected-flag-variables.json"))
        let reference = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let expected = try XCTUnwrap((reference["cases"] as? [String: [String: Any]])?[name], name)
        let environment = try XCTUnwrap(expected["environment"] as? [String: String])
        let arguments = try XCTUnwrap(expected["arguments"] as? [String])
        try? FileManager.default.removeItem(atPath: root + "/target/run_results.json")
        let run = try runCLI(arguments + ["--profiles-dir", root], in: root, environment: environment)
        XCTAssertEqual(Int(run.code), expected["code"] as? Int, "\(name): \(run.stdout)\(run.stderr)", file: file, line: line)
        guard let nodes = expected["nodes"] as? [String] else { return run }
        let results = try Data(contentsOf: URL(fileURLWithPath: root + "/target/run_results.json"))
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: results) as? [String: Any])
        let found = try XCTUnwrap(document["results"] as? [[String: Any]]).compactMap { $0["unique_id"] as? String }
        XCTAssertEqual(Set(found), Set(nodes), name, file: file, line: line)
        let args = try XCTUnwrap(document["args"] as? [String: Any])
        for (key, value) in try XCTUnwrap(expected["args"] as? [String: Any]) {
            XCTAssertEqual(Self.comparable(args[key]), Self.comparable(value), "\(name) args.\(key)", file: file, line: line)
        }
        return run
    }

    /// An args value, with false, an empty list and null as absent (swiftdbt leaves out what dbt writes as its default).
    private static func comparable(_ value: Any?) -> NSObject {
        switch value {
        case nil, is NSNull: return NSNull()
        case let list as [Any] where list.isEmpty: return NSNull()
        case let number as NSNumber where number == false: return NSNull()
        default: return (value as? NSObject) ?? NSNull()
        }
    }

    func testListVariablesAreWordsTheOptionReplaces() throws {
        try check("exclude_types_variable")
        try check("resource_types_variable")
        try check("option_replaces_variable")
        try check("empty_list_variable")
    }

    func testAnUnknownTypeInTheVariableIsAUsageErrorNamingIt() throws {
        let run = try check("unknown_type_variable")
        // click's line, naming the option the variable stands for.
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("semantic_layer/expected-flag-variables.json"))
        let cases = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["cases"] as? [String: [String: Any]]
        let line = try XCTUnwrap(cases?["unknown_type_variable"]?["usage_error"] as? String)
        XCTAssert(run.stderr.components(separatedBy: "\n").contains(line), run.stderr)
    }

    func testBooleanVariablesInClicksSpellings() throws {
        try check("booleans_variable")
        try check("false_booleans_variable")
        try check("empty_boolean_variable")
        try check("flag_beats_false_variable")
    }

    func testANonBooleanIsAUsageErrorNamingIt() throws {
        let run = try check("unknown_boolean_variable")
        XCTAssert(run.stderr.contains("DBT_EMPTY=maybe: not a boolean (1, 0, true, false, t, f, yes, no, y, n, on or off)"), run.stderr)
    }

    func testTargetVariableBelowTheOption() throws {
        try check("target_variable")
        try check("option_beats_target_variable")
    }
}
