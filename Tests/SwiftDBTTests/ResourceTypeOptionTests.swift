import Foundation
import TestSupport
import XCTest

/// `--resource-type` / `--exclude-resource-type` as dbt-core 1.10 takes them: the words `all` and `default` stand
/// for each command's own sets (ls: `all` adds analyses to the default; build, test: their runnable types), on the
/// commands that take the options (build, ls, test; run and seed refuse the option and ignore its variable),
/// through DBT_RESOURCE_TYPES / DBT_EXCLUDE_RESOURCE_TYPES too, and `--exclude-resource-type default` failing as it
/// does in dbt. Each case of Tests/Fixtures/resource_types is compared with what dbt-core 1.10 listed or ran
/// (`expected-resource-types.json`, recorded by scripts/record-resource-types.py).
final class ResourceTypeOptionTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = try ResourceTypesFixture.copy()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }

    private func check(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let reference = try ResourceTypesFixture.reference("expected-resource-types.json")
        let expected = try XCTUnwrap((reference["cases"] as? [String: [String: Any]])?[name], name)
        let environment = try XCTUnwrap(expected["environment"] as? [String: String])
        let arguments = try XCTUnwrap(expected["arguments"] as? [String])
        // Each case on a fresh database, as dbt's recording ran each on a fresh copy.
        try? FileManager.default.removeItem(atPath: root + "/target")
        let listing = arguments.first == "ls"
        let run = try runCLI(arguments + (listing ? ["--output", "json"] : []) + ["--profiles-dir", root], in: root,
                             environment: environment)
        XCTAssertEqual(Int(run.code), expected["code"] as? Int, "\(name): \(run.stdout)\(run.stderr)", file: file, line: line)
        if let usage = expected["usage_error"] as? String {
            XCTAssert(run.stderr.components(separatedBy: "\n").contains(usage), "\(name): \(run.stderr)", file: file, line: line)
        } else if let error = expected["error"] as? [String] {
            XCTAssert(run.stderr.contains(try XCTUnwrap(error.last)), "\(name): \(run.stderr)", file: file, line: line)
        } else if let listed = expected["listed"] as? [[String: String]] {
            let found = try run.stdout.split(separator: "\n").map { line -> [String: String] in
                let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                return ["unique_id": object["unique_id"] as? String ?? "", "resource_type": object["resource_type"] as? String ?? ""]
            }
            XCTAssertEqual(found, listed, name, file: file, line: line)
        } else {
            let nodes = try XCTUnwrap(expected["nodes"] as? [String])
            let results = try Data(contentsOf: URL(fileURLWithPath: root + "/target/run_results.json"))
            let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: results) as? [String: Any])
            let found = try XCTUnwrap(document["results"] as? [[String: Any]]).compactMap { $0["unique_id"] as? String }
            XCTAssertEqual(found.sorted(), nodes, name, file: file, line: line)
        }
    }

    func testListsAllAndDefaultAsDbtDoes() throws {
        for name in ["ls_default_types", "ls_all", "ls_default", "ls_default_and_analysis", "ls_all_without_tests",
                     "ls_all_variable", "ls_default_variable_without_seeds"] {
            try check(name)
        }
    }

    func testExcludingDefaultFailsAsInDbt() throws {
        try check("ls_exclude_default")
    }

    func testBuildAndTestExpandTheirOwnSets() throws {
        for name in ["build_all", "build_default_without_snapshot", "build_all_variable", "test_all", "test_default", "test_model"] {
            try check(name)
        }
    }

    func testRunAndSeedTakeNoResourceTypes() throws {
        for name in ["run_resource_type", "run_ignores_variable", "seed_ignores_exclude_variable"] {
            try check(name)
        }
    }
}
