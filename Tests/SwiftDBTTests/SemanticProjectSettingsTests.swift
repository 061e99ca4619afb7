import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// `exposures:`, `metrics:`, `semantic-models:` and `saved-queries:` settings in dbt_project.yml (enabled, tags, meta), appended to a
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
        "exposure_settings": "exposures:\n  +tags: [ci]\n  +meta: {team: bi}\n  semantic_layer:\n"
            + "    weekly_report:\n      +meta: {tier: 1}\n",
        "exposure_string_tag": "exposures:\n  semantic_layer:\n    +tags: weekly\n",
        "exposure_disabled": "exposures:\n  semantic_layer:\n    weekly_report:\n      enabled: false\n",
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

    /// An exposure's settings from dbt_project.yml as dbt applies them (each level replaces the outer one's tags and
    /// meta, a lone string tag read as its characters, `enabled: false` moves it to `disabled`), and `tag:` selects it.
    func testExposureSettingsReachTheExposure() throws {
        for variant in ["exposure_settings", "exposure_string_tag", "exposure_disabled"] {
            try tearDownWithError()
            root = try copyFixture("semantic_layer")
            let reference = try expected(variant)
            let result = try parse(variant)
            XCTAssertEqual(result.code, 0, variant + ": " + result.stdout + result.stderr)
            let data = try Data(contentsOf: URL(fileURLWithPath: root + "/target/manifest.json"))
            let written = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
            let exposures = try XCTUnwrap(reference["exposures"] as? [String: [String: Any]])
            let ours = try XCTUnwrap(written["exposures"] as? [String: [String: Any]])
            XCTAssertEqual(Set(ours.keys), Set(exposures.keys), variant)
            for (key, fields) in exposures {
                for (field, value) in fields {
                    XCTAssertEqual(ours[key]?[field] as? NSObject, value as? NSObject, variant + " " + key + " " + field)
                }
            }
            let configs = try XCTUnwrap((reference["configs"] as? [String: Any])?["exposures"] as? [String: Any])
            for (key, config) in configs {
                XCTAssertEqual(ours[key]?["config"] as? NSObject, config as? NSObject, variant + " " + key)
            }
            let disabled = try XCTUnwrap(reference["disabled"] as? [String: [[String: Any]]])
            let oursDisabled = try XCTUnwrap(written["disabled"] as? [String: [[String: Any]]])
            XCTAssertEqual(Set(oursDisabled.keys), Set(disabled.keys), variant)
            for (key, entries) in disabled {
                for field in ["config", "unrendered_config", "depends_on", "refs", "metrics", "tags", "meta", "fqn"] {
                    XCTAssertEqual(oursDisabled[key]?.first?[field] as? NSObject, entries.first?[field] as? NSObject,
                                   variant + " " + key + " " + field)
                }
            }
            let listed = try runCLI(["ls", "-q", "-s", "tag:ci"], in: root)
            XCTAssertEqual(listed.stdout.split(whereSeparator: \.isNewline).map(String.init),
                           try XCTUnwrap(reference["listed"] as? [String]), variant + ": " + listed.stderr)
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
