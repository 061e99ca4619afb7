import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// `metrics:`, `semantic-models:` and `saved-queries:` settings in dbt_project.yml (enabled, meta), appended to a
/// copy of Tests/Fixtures/semantic_layer, against what dbt-core 1.10 makes of them (`expected-settings.json`,
/// recorded by scripts/record-semantic-project-settings.py with the same lines).
final class SemanticProjectSettingsTests: XCTestCase {
    private var root = ""

    private static let variants = [
        "settings": "metrics:\n  semantic_layer:\n    +meta: {team: finance}\n    buyers:\n      +enabled: false\n"
            + "semantic-models:\n  +meta: {owner: ana}\n"
            + "saved-queries:\n  semantic_layer:\n    +enabled: false\n",
        "disabled_input_metric": "metrics:\n  semantic_layer:\n    orders_count:\n      +enabled: false\n",
        "disabled_semantic_model": "semantic-models:\n  semantic_layer:\n    customers:\n      enabled: false\n",
    ]

    override func setUpWithError() throws {
        root = try copyFixture("semantic_layer")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(root))
    }

    private func expected(_ variant: String) throws -> [String: Any] {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("semantic_layer/expected-settings.json"))
        let all = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
        return try XCTUnwrap(all[variant], variant)
    }

    private func parse(_ variant: String) throws -> (code: Int32, stdout: String, stderr: String) {
        let file = root + "/dbt_project.yml"
        let project = try String(contentsOfFile: file, encoding: .utf8)
        try (project + "\n" + (Self.variants[variant] ?? "")).write(toFile: file, atomically: true, encoding: .utf8)
        return try runCLI(["parse"], in: root)
    }

    /// The enabled entries' `config` (meta merged from the project) as dbt's; the disabled ones under `disabled`.
    func testProjectSettingsReachTheEntries() throws {
        let result = try parse("settings")
        XCTAssertEqual(result.code, 0, result.stdout + result.stderr)
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/target/manifest.json"))
        let written = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let configs = try XCTUnwrap(try expected("settings")["configs"] as? [String: [String: [String: Any]]])
        for (section, entries) in configs {
            let ours = try XCTUnwrap(written[section] as? [String: [String: Any]], section)
            XCTAssertEqual(Set(ours.keys), Set(entries.keys), section)
            for (key, config) in entries {
                XCTAssertEqual(ours[key]?["config"] as? NSDictionary, config as NSDictionary, key)
            }
        }
        // The disabled ones are in `disabled`, with dbt's config and (unlinked) depends_on.
        let disabled = try XCTUnwrap(try expected("settings")["disabled"] as? [String: [[String: Any]]])
        let ours = try XCTUnwrap(written["disabled"] as? [String: [[String: Any]]])
        XCTAssertEqual(Set(ours.keys), Set(disabled.keys))
        for (key, entries) in disabled {
            for field in ["resource_type", "config", "depends_on", "fqn", "unique_id"] {
                XCTAssertEqual(ours[key]?.first?[field] as? NSObject, entries.first?[field] as? NSObject, key + " " + field)
            }
        }
    }

    /// A reference to a metric or semantic model disabled in dbt_project.yml fails with dbt's message.
    func testReferencesToDisabledEntriesReportDBTsMessage() throws {
        for variant in ["disabled_input_metric", "disabled_semantic_model"] {
            do {
                try tearDownWithError()
                root = try copyFixture("semantic_layer")
            }
            let reference = try expected(variant)
            let result = try parse(variant)
            XCTAssertEqual(Int32(try XCTUnwrap(reference["code"] as? Int)), result.code, variant)
            let message = try XCTUnwrap((reference["output"] as? [String])?.last)
            XCTAssertTrue(result.stderr.contains(message), variant + ": " + message + "\n" + result.stderr)
            XCTAssertTrue(result.stderr.contains("models/semantic.yml:"), variant + ": " + result.stderr)
        }
    }
}
