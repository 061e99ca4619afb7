import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// `manifest.json` and `run_results.json` validate against dbt's published JSON schemas
/// (`Tests/Fixtures/dbt-schemas`, copied from dbt), checked by `scripts/validate-artifact.py` with
/// Python's `jsonschema`; and what dbt-core records of the jaffle_shop fixture (checksums, patch
/// paths, unrendered configs, relation names, macro text: `scripts/record-dbt-manifest.py`) is what
/// swiftdbt records.
final class ArtifactSchemaTests: XCTestCase {
    private static let repository = fixturesFolder.deletingLastPathComponent().deletingLastPathComponent()

    /// Runs the validator; nil when it cannot run here (no python3 or no `jsonschema`): a skip, or a
    /// failure under CI=true.
    private func violations(schema: String, artifact: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.repository.appendingPathComponent("scripts/validate-artifact.py").path,
                             fixturesFolder.appendingPathComponent("dbt-schemas/\(schema)").path, artifact]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: return []
        case 1: return text.split(separator: "\n").map(String.init)
        default:
            let reason = "the artifact validator cannot run (python3 -m pip install jsonschema): \(text)"
            throw missingPrerequisite(reason)
        }
    }

    private func assertValid(schema: String, artifact: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let found = try violations(schema: schema, artifact: artifact)
        XCTAssertEqual(found.count, 0, "\(artifact):\n" + found.prefix(20).joined(separator: "\n"), file: file, line: line)
    }

    func testFixtureProjectsArtifactsValidate() throws {
        for fixture in ["jaffle_shop", "features", "versions", "groups", "execution/snapshots", "unit_tests_run", "semantic_layer", "hook_operations"] {
            let root = try copyFixture(fixture)
            defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(root)) }
            let result = try runCLI(["build"], in: root)
            XCTAssertTrue(FileManager.default.fileExists(atPath: root + "/target/run_results.json"), result.stdout + result.stderr)
            try assertValid(schema: "manifest-v12.json", artifact: root + "/target/manifest.json")
            try assertValid(schema: "run-results-v6.json", artifact: root + "/target/run_results.json")
        }
    }

    /// `source freshness`'s sources.json (fixture `source_freshness` on the embedded SQLite default: a result of every
    /// status) validates against dbt's sources v3 schema, and so does the manifest with its sources' freshness.
    func testSourcesJSONValidates() throws {
        let root = try copyFixture("source_freshness")
        defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(root)) }
        XCTAssertEqual(try runCLI(["run", "--select", "loaders"], in: root).code, 0)
        let result = try runCLI(["source", "freshness"], in: root)
        XCTAssertEqual(result.code, 1, result.stdout + result.stderr)
        let path = root + "/target/sources.json"
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        let statuses = (document?["results"] as? [[String: Any]] ?? []).compactMap { $0["status"] as? String }
        XCTAssertEqual(Set(statuses), ["pass", "warn", "error"], result.stdout)
        try assertValid(schema: "sources-v3.json", artifact: path)
        try assertValid(schema: "manifest-v12.json", artifact: root + "/target/manifest.json")
    }

    /// The repository's own project, parsed.
    func testRepositoryProjectManifestValidates() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        for item in ["dbt_project.yml", "selectors.yml", "models", "seeds", "macros", "data-tests"] {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        let result = try runCLI(["parse"], in: root.path)
        XCTAssertEqual(result.code, 0, result.stdout + result.stderr)
        try assertValid(schema: "manifest-v12.json", artifact: root.path + "/target/manifest.json")
    }

    /// The validator is not vacuous: a macro entry without `macro_sql` and a `generator` key in the
    /// run results' metadata (what swiftdbt wrote before) are reported.
    func testValidatorReportsViolations() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let results = folder.appendingPathComponent("run_results.json")
        try #"{"metadata": {"dbt_schema_version": "x", "generator": "swiftdbt"}, "results": [], "elapsed_time": 1}"#
            .write(to: results, atomically: false, encoding: .utf8)
        XCTAssertEqual(try violations(schema: "run-results-v6.json", artifact: results.path),
                       ["\(results.path): $.metadata: Additional properties are not allowed ('generator' was unexpected)"])
        let root = try copyFixture("jaffle_shop")
        defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(root)) }
        XCTAssertEqual(try runCLI(["parse"], in: root).code, 0)
        let path = root + "/target/manifest.json"
        let manifest = try String(contentsOfFile: path, encoding: .utf8)
        try manifest.replacingOccurrences(of: "\"macro_sql\"", with: "\"macro_text\"").write(toFile: path, atomically: false, encoding: .utf8)
        let found = try violations(schema: "manifest-v12.json", artifact: path)
        XCTAssertTrue(found.contains { $0.hasSuffix("'macro_sql' is a required property") }, found.prefix(5).joined(separator: "\n"))
    }

    /// Checksums, patch paths, unrendered configs, relation names, raw code, compiled paths (after `compile`) and aliases of
    /// models, seeds and tests (generic tests' raw code with dbt's `config(...)` call and hashed alias), and the project's
    /// macros' text, are dbt-core's (Tests/Fixtures/dbt-reference, scripts/record-dbt-manifest.py).
    func testManifestsMatchDBTCore() throws {
        for (fixture, count) in [("jaffle_shop", 24), ("generic_test_configs", 7)] {
            let referenceData = try Data(contentsOf: fixturesFolder.appendingPathComponent("dbt-reference/\(fixture)-manifest.json"))
            let reference = try XCTUnwrap(JSONSerialization.jsonObject(with: referenceData) as? [String: Any])
            let root = try copyFixture(fixture)
            defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(root)) }
            XCTAssertEqual(try runCLI(["compile"], in: root).code, 0, fixture)
            let ours = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root + "/target/manifest.json")))
                                     as? [String: Any])
            let ourNodes = try XCTUnwrap(ours["nodes"] as? [String: [String: Any]])
            let expectedNodes = try XCTUnwrap(reference["nodes"] as? [String: [String: Any]])
            XCTAssertEqual(expectedNodes.count, count, fixture)
            for (uniqueID, expected) in expectedNodes {
                let node = try XCTUnwrap(ourNodes[uniqueID], uniqueID)
                for key in ["checksum", "patch_path", "unrendered_config", "relation_name", "raw_code", "compiled_path", "alias"] {
                    XCTAssertEqual(canonical(node[key]), canonical(expected[key]), "\(uniqueID) \(key)")
                }
            }
            let ourMacros = try XCTUnwrap(ours["macros"] as? [String: [String: Any]])
            for (uniqueID, expected) in try XCTUnwrap(reference["macros"] as? [String: [String: Any]]) {
                let macro = try XCTUnwrap(ourMacros[uniqueID], uniqueID)
                XCTAssertEqual(macro["macro_sql"] as? String, expected["macro_sql"] as? String, uniqueID)
                XCTAssertEqual(macro["path"] as? String, expected["path"] as? String, uniqueID)
            }
        }
    }


    private func canonical(_ value: Any?) -> String {
        guard let value, !(value is NSNull) else { return "null" }
        guard JSONSerialization.isValidJSONObject(value) else { return "\(value)" }
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
