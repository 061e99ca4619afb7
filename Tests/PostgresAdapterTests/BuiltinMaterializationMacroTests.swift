import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// `view`, `table` and `incremental` are macros of the global project (SQLite's own in its adapter folder); the
/// runner builds them in Swift while nothing they call is overridden (`BuiltinMaterializations`). Both paths must
/// build the same: the fixture's models over two batches and a full refresh, once on the fast path and once with
/// `SWIFTDBT_MATERIALIZATIONS=macros`, give the same console lines, run results (statuses, adapter responses,
/// messages), tables, rows and column types, on SQLite and PostgreSQL. A project overriding a helper
/// (`create_view_as`) gets the macros run with its override.
final class BuiltinMaterializationMacroTests: XCTestCase {
    /// The runs compared: two batches (a first build, then incremental runs, `schema_fail` failing and keeping its
    /// table), then a full refresh (`never_refreshed` kept).
    private let runs: [[String]] = [["--vars", "{batch: 1}"], ["--vars", "{batch: 2}"], ["--vars", "{batch: 2}", "--full-refresh"]]

    func testTheMacrosBuildWhatTheSwiftPathBuildsOnSQLite() throws {
        try assertSameBuilds(target: "sqlite", environment: sqliteEnvironment())
    }

    func testTheMacrosBuildWhatTheSwiftPathBuildsOnPostgres() throws {
        try assertSameBuilds(target: "postgres", environment: try requirePostgres())
    }

    func testAProjectsCreateViewAsIsUsedOnSQLite() throws {
        try assertOverriddenHelperRuns(target: "sqlite", environment: sqliteEnvironment())
    }

    func testAProjectsCreateViewAsIsUsedOnPostgres() throws {
        try assertOverriddenHelperRuns(target: "postgres", environment: try requirePostgres())
    }

    private func assertSameBuilds(target: String, environment: [String: String]) throws {
        var environment = environment
        environment[BuiltinMaterializations.environmentVariable] = nil  // the first build takes the fast path
        var builds: [Build] = []
        for macros in [false, true] {
            let (root, schema) = try projectWithBothTargets("execution/materializations", profile: "materializations")
            defer { removeProject(root, schema: schema, environment: environment) }
            var runEnvironment = environment
            if macros { runEnvironment[BuiltinMaterializations.environmentVariable] = "macros" }
            var build = Build()
            for (arguments, code) in zip(runs, [0, 1, 0] as [Int32]) {  // batch 2 fails schema_fail
                let run = try runCLI(["run", "--target", target, "--profiles-dir", root] + arguments, in: root, environment: runEnvironment)
                XCTAssertEqual(run.code, code, run.stdout + run.stderr)
                build.console.append(consoleLines(run.stdout, schema: schema))
                build.results.append(try runResults(root))
            }
            let loaded = try load(root, target: target, environment: runEnvironment)
            XCTAssertEqual(loaded.session.swiftMaterializations.isSuperset(of: ["view", "table", "incremental"]), !macros)
            let connection = try connect(loaded)
            let schemaName = try XCTUnwrap(loaded.manifest.nodes.compactMap(\.relation?.schema).first)
            // Every relation of the schema: no `__dbt_tmp` or `__dbt_backup` left behind.
            build.tables["(relations)"] = try connection.relations(inSchemas: [schemaName])
                .map { "\($0.key.identifier) \($0.value)" }.sorted().joined(separator: ", ")
            for node in loaded.manifest.nodes where node.resourceType == .model && node.config.materialized != "ephemeral" {
                let relation = try XCTUnwrap(node.relation)
                let (rows, checksum) = try fingerprint(loaded.session.dialect.render(relation), connection)
                let columns = try connection.columns(of: relation).map { "\($0.name) \($0.type)" }
                build.tables[node.name] = "\(rows)\n\(checksum)\n\(columns)"
            }
            builds.append(build)
        }
        let (swift, macros) = (builds[0], builds[1])
        XCTAssertEqual(swift.tables.count, 14, target)
        XCTAssertEqual(swift.tables, macros.tables, target)
        XCTAssertEqual(swift.results, macros.results, target)
        XCTAssertEqual(swift.console, macros.console, target)
        XCTAssertTrue(swift.results[1].contains { $0.contains("schema_fail error") }, "\(swift.results[1])")
    }

    /// A root project's `create_view_as` (logging, then the built-in one): the view materialization runs as a
    /// macro, calls it, and builds the same view.
    private func assertOverriddenHelperRuns(target: String, environment: [String: String]) throws {
        var environment = environment
        environment[BuiltinMaterializations.environmentVariable] = nil  // only the override turns the fast path off
        let (root, schema) = try projectWithBothTargets("execution/materializations", profile: "materializations")
        defer { removeProject(root, schema: schema, environment: environment) }
        try FileManager.default.createDirectory(atPath: root + "/macros", withIntermediateDirectories: true)
        try """
        {% macro create_view_as(relation, sql) %}{{ log('project create_view_as ' ~ relation.identifier, info=True) }}\
        {{ return(dbt.create_view_as(relation, sql)) }}{% endmacro %}
        """.write(toFile: root + "/macros/views.sql", atomically: true, encoding: .utf8)
        for _ in 1...2 {  // a first build, then a rebuild over the view
            let run = try runCLI(["run", "--target", target, "--profiles-dir", root, "--select", "as_view"], in: root, environment: environment)
            XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
            XCTAssertTrue(run.stdout.contains("project create_view_as as_view"), run.stdout)
        }
        let loaded = try load(root, target: target, environment: environment)
        XCTAssertFalse(loaded.session.swiftMaterializations.contains("view"))
        XCTAssertTrue(loaded.session.swiftMaterializations.contains("table"))
        let node = try XCTUnwrap(loaded.manifest.nodes.first { $0.name == "as_view" })
        let relation = try XCTUnwrap(node.relation)
        let connection = try connect(loaded)
        let found = try connection.relations(inSchemas: [try XCTUnwrap(relation.schema)])
        XCTAssertEqual(found.first { $0.key.identifier == relation.identifier }?.value, .view)
        XCTAssertEqual(try fingerprint(loaded.session.dialect.render(relation), connection).rows, 3)
    }

    private struct Build {
        var console: [[String]] = []
        var results: [[String]] = []
        var tables: [String: String] = [:]
    }

    /// The run's status lines (a node's start and end, the totals) without their times, durations, the dots that pad
    /// them to the schema's length, and the schema, whose name differs between the two copies.
    private func consoleLines(_ stdout: String, schema: String) -> [String] {
        stdout.split(separator: "\n").compactMap { line in
            var text = String(line)
            if let space = text.firstIndex(of: " "), text[..<space].allSatisfy({ $0.isNumber || $0 == ":" }) {
                text = String(text[space...]).trimmingCharacters(in: .whitespaces)
            }
            guard text.range(of: #"^[0-9]+ of [0-9]+ |^Done\. |^Finished running |^Completed "#, options: .regularExpression) != nil else {
                return nil
            }
            text = text.replacingOccurrences(of: schema, with: "<schema>")
            text = text.replacingOccurrences(of: #"\.{2,}"#, with: "…", options: .regularExpression)
            return text.replacingOccurrences(of: #"[0-9]+\.[0-9]+( seconds|s)"#, with: "<time>", options: .regularExpression)
        }
    }

    /// Each result of target/run_results.json: node, status, adapter response, message (schema removed).
    private func runResults(_ root: String) throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/target/run_results.json"))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let results = try XCTUnwrap(json["results"] as? [[String: Any]])
        return try results.map { result in
            let response = try JSONSerialization.data(withJSONObject: result["adapter_response"] ?? [:], options: .sortedKeys)
            let id = (result["unique_id"] as? String ?? "").split(separator: ".").last.map(String.init) ?? ""
            // The heading and the error's first line of text; where the error was raised differs (the Swift code's model,
            // the macro's line), and so may the blank lines before the text (on_schema_change's starts with one).
            let message = (result["message"] as? String ?? "").split(separator: "\n").map {
                $0.replacingOccurrences(of: #"^\s*\S+:[0-9]+:[0-9]+: "#, with: "", options: .regularExpression)
                    .trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }.prefix(2)
            return "\(id) \(result["status"] ?? "") \(String(decoding: response, as: UTF8.self)) \(message)"
        }
    }

    /// The environment for the SQLite output (the unused PostgreSQL output of the profile still renders).
    private func sqliteEnvironment() -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["PGHOST"] = environment["PGHOST"] ?? "localhost"
        return environment
    }
}
