import Foundation
import SQLiteAdapter
import TestSupport
import XCTest
@testable import SwiftDBT

/// `dbt_project.yml` rendered as dbt-core 1.10 renders it (`DbtProjectYamlRenderer`): settings with the project
/// context (`env_var`, `var` of `--vars`, `target`, `run_started_at`, `modules`, `invocation_id`) when the project
/// loads; `vars:`, `on-run-start`/`on-run-end`, `query-comment` and `pre-hook`/`post-hook` kept as written and
/// rendered later, in the calling node's context.
final class ProjectRenderingTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-rendering-\(UUID().uuidString)")
        root = folder.appendingPathComponent("rendered").path
        try FileManager.default.createDirectory(atPath: root + "/models", withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }

    private func write(_ text: String, _ path: String) throws {
        try text.write(toFile: root + "/" + path, atomically: true, encoding: .utf8)
    }

    private let project = """
        name: rendered
        profile: rendered
        target-path: "target_{{ modules.datetime.date(2024, 1, 31).strftime('%Y%m') }}"
        clean-targets: ["tmp_{{ invocation_id | length }}", "{{ env_var('CLEAN_ME', 'x') }}"]
        query-comment: "{{ query_comment(node) }}"
        on-run-start: "{{ a_macro_defined_nowhere() }}"
        on-run-end: ["{{ log(graph.nodes | length) }}"]
        vars:
          upstream: "{{ ref('base') }}"
          started_year: "{{ run_started_at.strftime('%Y') }}"
          sum: "{{ 1 + 1 }}"
          nested: "{{ var('sum') }}-{{ var('upstream') }}"
          listed: ["{{ not rendered }}"]
          loop: "{{ var('loop') }}"
        models:
          rendered:
            +schema: "snowplow_{{ (run_started_at - modules.datetime.timedelta(1)).strftime('%Y') }}"
            +pre-hook: "insert into audit values ('{{ this }}')"
            staging:
              +post-hook: ["{{ this.name }}", {sql: "{{ this.schema }}", transaction: false}]

        """

    private func load() throws -> LoadedProject {
        try write(project, "dbt_project.yml")
        try write("select 1 as id", "models/base.sql")
        try FileManager.default.createDirectory(atPath: root + "/models/staging", withIntermediateDirectories: true)
        try write("select '{{ var(\"upstream\") }}' as u, '{{ var(\"started_year\") }}' as y, {{ var('sum') }} as s, "
                  + "'{{ var(\"nested\") }}' as n, '{{ var(\"listed\") }}' as l", "models/staging/reader.sql")
        return try loadProject(root)
    }

    func testSettingsRenderWithTheProjectContext() throws {
        let project = try load().session.project
        XCTAssertEqual(project.targetPath, "target_202401")
        XCTAssertEqual(project.cleanTargets.map(\.path), ["tmp_36", "x"])
    }

    func testHooksAndTheQueryCommentAreKeptAsWritten() throws {
        let loaded = try load()
        XCTAssertEqual(loaded.session.project.onRunStart, ["{{ a_macro_defined_nowhere() }}"])
        XCTAssertEqual(loaded.session.project.onRunEnd, ["{{ log(graph.nodes | length) }}"])
        XCTAssertEqual(loaded.session.project.queryComment.text, .template("{{ query_comment(node) }}"))
        let reader = try XCTUnwrap(loaded.manifest.node("model.rendered.reader"))
        XCTAssertEqual(reader.config["pre_hook"], .list([.string("insert into audit values ('{{ this }}')")]))
        XCTAssertEqual(reader.config["post_hook"], .list([.string("{{ this.name }}"),
                                                          .dict([("sql", .string("{{ this.schema }}")), ("transaction", .bool(false))])]))
    }

    /// Top-level settings see the profile's target, as in dbt (the profile is read first): `model-paths` and
    /// `+schema` of the `project_target` fixture, per target, as dbt-core lists its models
    /// (scripts/record-project-target.py).
    func testSettingsSeeTheTarget() throws {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("reference/project-target.json"))
        let reference = try JSONDecoder().decode([String: [[String]]].self, from: data)
        let copy = try copyFixture("project_target")
        defer { try? FileManager.default.removeItem(atPath: (copy as NSString).deletingLastPathComponent) }
        try """
            project_target:
              target: dev
              outputs:
                dev: {type: sqlite, schema: main, path: target/dev.sqlite}
                prod: {type: sqlite, schema: main, path: target/prod.sqlite}
            """.write(toFile: copy + "/profiles.yml", atomically: true, encoding: .utf8)
        for target in ["dev", "prod"] {
            var adapters = AdapterRegistry()
            adapters.register(SQLiteAdapterFactory())
            let loaded = try ProjectLoader.load(LoadOptions(projectDirectory: copy, profilesDirectory: copy, target: target,
                                                            environment: isolatedEnvironment()), adapters: adapters)
            XCTAssertEqual(loaded.manifest.nodes.map { [$0.uniqueID, $0.config["schema"]?.stringValue ?? ""] }.sorted { $0.lexicographicallyPrecedes($1) },
                           reference[target], target)
        }
    }

    /// `run_started_at` is a UTC datetime with arithmetic: the schema is named after yesterday's year.
    func testConfigTreesRenderRunStartedAtArithmetic() throws {
        let loaded = try load()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let yesterday = loaded.session.runStartedAt.addingTimeInterval(-86_400)
        let year = calendar.component(.year, from: yesterday)
        XCTAssertEqual(loaded.manifest.node("model.rendered.base")?.relation?.schema, "main_snowplow_\(year)")
    }

    /// A var is rendered when a node reads it, as text, in the node's context: `ref()` inside a var records
    /// a dependency; lists and dicts are not rendered; a var that reads itself is an error, not a crash.
    func testVarsRenderWhenANodeReadsThem() throws {
        let loaded = try load()
        let reader = try XCTUnwrap(loaded.manifest.node("model.rendered.reader"))
        XCTAssertEqual(reader.dependsOn, ["model.rendered.base"])
        let compiler = Compiler(session: loaded.session, manifest: loaded.manifest)
        let year = String(Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current,
                                                                           from: loaded.session.runStartedAt).year ?? 0)
        let base = loaded.session.dialect.render(try XCTUnwrap(loaded.manifest.node("model.rendered.base")?.relation))
        XCTAssertEqual(try compiler.compile(reader),
                       "select '\(base)' as u, '\(year)' as y, 2 as s, '2-\(base)' as n, "
                       + "'['{{ not rendered }}']' as l")
        XCTAssertThrowsError(try compiler.compileInline("{{ var('loop') }}")) { error in
            XCTAssertEqual((error as? DBTError)?.message.contains("var 'loop' refers to itself"), true, "\(error)")
        }
    }
}
