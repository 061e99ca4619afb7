import Foundation
import SQLiteAdapter
import TestSupport
import XCTest
@testable import SwiftDBT

/// What loading the `features` fixture resolves: configs, vars, packages, sources, tests, relations.
final class ProjectLoadingTests: XCTestCase {
    func testConfigPrecedenceFileOverYAMLOverProject() throws {
        let loaded = try loadProject(try copyFixture("features"))
        let events = try XCTUnwrap(loaded.manifest.node("model.features.stg_events"))
        XCTAssertEqual(events.config.materialized, "view")
        XCTAssertEqual(events.config.tags, ["all", "staging", "yaml", "events"])
        XCTAssertEqual(events.config["meta"], .dict([("owner", .string("data")), ("tier", .string("bronze")), ("pii", .bool(false))]))
        let summary = try XCTUnwrap(loaded.manifest.node("model.features.user_summary"))
        XCTAssertEqual(summary.config.materialized, "incremental")
        XCTAssertEqual(summary.relation, RelationName(database: "main", schema: "marts", identifier: "users"), "the project overrides generate_schema_name")
    }

    func testVarsFromTheCommandLineDisableModelsThroughProjectConfig() throws {
        let loaded = try loadProject(try copyFixture("features"), vars: "{marts_enabled: false}")
        XCTAssertNil(loaded.manifest.node("model.features.user_summary"))
        XCTAssertEqual(Set(loaded.manifest.disabled.map(\.name)), ["user_summary", "package_join"])
    }

    func testLocalPackagesSourcesAndGenericTests() throws {
        let loaded = try loadProject(try copyFixture("features"), environment: ["FEATURES_RAW_SCHEMA": "landing"])
        XCTAssertNotNil(loaded.manifest.node("model.utils.utils_calendar"))
        let source = try XCTUnwrap(loaded.manifest.source("source.features.raw.signups"))
        XCTAssertEqual(source.relation.schema, "landing")
        XCTAssertEqual(source.relation.identifier, "signups_v2")
        let tests = loaded.manifest.nodes.filter { $0.resourceType == .test }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: tests.map { ($0.name, $0.config["severity"]?.stringValue ?? "") }), [
            "assert_no_future_events": "warn",
            "unique_stg_events_event_id": "warn",
            "not_null_stg_events_event_id": "error",
            "is_positive_stg_events_True__amount_hundreds": "warn",
            "source_not_null_raw_signups_user_id": "warn",
        ])
        let joined = try XCTUnwrap(loaded.manifest.node("model.features.package_join"))
        XCTAssertEqual(Set(joined.dependsOn), ["model.utils.utils_calendar", "model.features.user_summary"])
    }

    /// dbt searches each package of the dispatch order for every prefix before the next package,
    /// so the project's `default__` beats the package's `sqlite__`.
    func testCompileInlineAndDispatchOverride() throws {
        let loaded = try loadProject(try copyFixture("features"))
        let compiler = Compiler(session: loaded.session, manifest: loaded.manifest)
        XCTAssertEqual(try compiler.compileInline("select {{ utils.safe_divide('a', 'b') }} from {{ ref('stg_events') }}"),
                       "select case when b = 0 then null else a / b end from \"main\".\"stg_events\"")
    }

    /// Generic tests get dbt's unique IDs (recorded from dbt-core by scripts/record-test-unique-ids.py): two tests
    /// whose names collide while their arguments differ (`{a: 1}` and `{b: 1}`, `'x y'` and `'x-y'`) are two nodes.
    func testGenericTestUniqueIDsAreDbts() throws {
        let root = try copyFixture("test_names")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let expected = try JSONDecoder().decode([String].self, from: Data(contentsOf: URL(fileURLWithPath: root + "/expected-unique-ids.json")))
        let loaded = try loadProject(root)
        XCTAssertEqual(loaded.manifest.nodes.filter { $0.resourceType == .test }.map(\.uniqueID).sorted(), expected)
    }

    /// Properties of a model no file defines: dbt's warning, and the project loads without them (dbt-core 1.10);
    /// a key written twice in a property file keeps its last value (as PyYAML), with a warning naming both lines.
    func testGhostPropertiesAndRepeatedKeysAreWarnings() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-ghost-\(UUID().uuidString)").path + "/p"
        try FileManager.default.createDirectory(atPath: root + "/models", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        try "name: p\nprofile: p\n".write(toFile: root + "/dbt_project.yml", atomically: true, encoding: .utf8)
        try "select 1 as id".write(toFile: root + "/models/a.sql", atomically: true, encoding: .utf8)
        try "version: 2\nmodels:\n  - name: a\n  - name: ghost\n    columns:\n      - name: id\n        tests: [not_null]\n"
            .write(toFile: root + "/models/schema.yml", atomically: true, encoding: .utf8)
        try "version: 2\nmodels:\n  - name: a\n    description: first\n    description: second\n"
            .write(toFile: root + "/models/more.yml", atomically: true, encoding: .utf8)
        let lines = LogLines()
        var adapters = AdapterRegistry()
        adapters.register(SQLiteAdapterFactory())
        let loaded = try ProjectLoader.load(LoadOptions(projectDirectory: root, environment: isolatedEnvironment(),
                                                        log: { lines.append($0) }), adapters: adapters)
        XCTAssertEqual(loaded.manifest.nodes.map(\.uniqueID), ["model.p.a"])
        XCTAssertEqual(loaded.manifest.nodes.first?.description, "second", "PyYAML keeps a repeated key's last value")
        XCTAssertEqual(lines.all.sorted(), [
            "[WARNING]: Did not find matching node for patch with name 'ghost' in the 'models' section of file 'models/schema.yml'",
            "[WARNING]: models/more.yml:5:5: duplicate key 'description' (first at line 4): the value at line 5 is used, "
                + "as dbt's YAML reader does",
        ])
    }
}

/// Lines a load logs.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
