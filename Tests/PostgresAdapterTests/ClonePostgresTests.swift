import Foundation
import TestSupport
import XCTest
@testable import PostgresAdapter
@testable import SwiftDBT

/// `swiftdbt clone --state` on PostgreSQL (fixture `clone`), step by step as dbt-core 1.10 with dbt-postgres
/// did it (`Tests/Fixtures/reference/clone.json`, recorded by `scripts/record-clone-reference.py`): views
/// reading the "prod" schema's relations, `No-op` for what exists, `--full-refresh` replacing it; the
/// same lines, results and relation kinds.
final class ClonePostgresTests: XCTestCase {
    private var root = ""
    private var schemas: [String: String] = [:]
    private var environment: [String: String] = [:]

    override func setUpWithError() throws {
        environment = try requirePostgres()
        root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-pg-\(UUID().uuidString)/clone").path
        try FileManager.default.createDirectory(atPath: (root as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: fixtures.appendingPathComponent("clone").path, toPath: root)
        let suffix = UUID().uuidString.prefix(8).lowercased()
        schemas = ["prod": "prod_\(suffix)", "dev": "dev_\(suffix)"]
        let outputs = schemas.sorted { $0.key < $1.key }.map { name, schema in
            """
                \(name):
                  type: postgres
                  host: "{{ env_var('PGHOST') }}"
                  port: "{{ env_var('PGPORT', '5432') }}"
                  user: "{{ env_var('PGUSER', 'postgres') }}"
                  password: "{{ env_var('PGPASSWORD', '') }}"
                  dbname: "{{ env_var('PGDATABASE', 'postgres') }}"
                  schema: \(schema)
                  threads: 1
            """
        }
        try ("clones:\n  target: dev\n  outputs:\n" + outputs.joined(separator: "\n") + "\n")
            .write(toFile: root + "/profiles.yml", atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        guard !root.isEmpty else { return }
        if let loaded = try? load(root, target: "dev", environment: environment), let connection = try? connect(loaded) {
            for schema in schemas.values { try? connection.execute("drop schema if exists \"\(schema)\" cascade") }
        }
        try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }

    private func run(_ arguments: [String]) throws -> (code: Int32, lines: [String]) {
        let result = try runCLI(arguments + ["--profiles-dir", root], in: root, environment: environment)
        var lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line).replacing(#/^\d\d:\d\d:\d\d  /#, with: "").replacing(#/ in \d+\.\d\ds\]/#, with: " in Xs]")
                .replacingOccurrences(of: schemas["dev"] ?? "", with: "<dev>")
                .replacingOccurrences(of: "\"\(environment["PGDATABASE"] ?? "postgres")\".", with: "\"swiftdbt_test\".")
        }
        lines = Array(lines[(lines.firstIndex { $0.hasPrefix("Concurrency:") } ?? 0)...].dropLast())
        return (result.code, lines.filter { !$0.hasPrefix("Finished running ") })
    }

    func testSameStepsAsDbtCore() throws {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("reference/clone.json"))
        let reference = try XCTUnwrap((try JSONSerialization.jsonObject(with: data) as? [String: [String: [String: Any]]])?["postgres"])
        let connection = try connect(try load(root, target: "dev", environment: environment))
        let steps: [(name: String, arguments: [String])] = [
            ("prod_build", ["build", "--target", "prod"]), ("dev_m3", ["run", "-s", "m3", "--target", "dev"]),
            ("clone", ["clone", "--state", "prod-state", "--target", "dev"]),
            ("clone_again", ["clone", "--state", "prod-state", "--target", "dev"]),
            ("clone_full_refresh", ["clone", "--state", "prod-state", "--target", "dev", "--full-refresh"]),
        ]
        for (name, arguments) in steps {
            let expected = try XCTUnwrap(reference[name], name)
            let step = try run(arguments)
            if name == "prod_build" { try FileManager.default.copyItem(atPath: root + "/target", toPath: root + "/prod-state") }
            XCTAssertEqual(step.code, Int32(expected["exit_code"] as? Int ?? -1), name)
            let expectedLines = (expected["lines"] as? [String] ?? []).filter { !$0.hasPrefix("Finished running ") }
            if name.hasPrefix("clone") { XCTAssertEqual(step.lines, expectedLines, name) }
            let relations = try connection.query("select table_name, table_type from information_schema.tables where table_schema = '\(schemas["dev"] ?? "")'",
                                                 limit: nil).rows
            let kinds = Dictionary(uniqueKeysWithValues: relations.map { ($0[0].display, $0[1].display == "VIEW" ? "view" : "table") })
            XCTAssertEqual(kinds, expected["dev_relations"] as? [String: String], name)
            let results = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root + "/target/run_results.json")))
                as? [String: Any])["results"] as? [[String: Any]]
            let ours = (results ?? []).map { result in
                [result["unique_id"] as? String ?? "", result["status"] as? String ?? "", result["message"] as? String ?? "",
                 "\((result["adapter_response"] as? [String: Any] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })"]
            }.sorted { $0[0] < $1[0] }
            let theirs = (expected["results"] as? [[String: Any]] ?? []).map { result in
                [result["unique_id"] as? String ?? "", result["status"] as? String ?? "", result["message"] as? String ?? "",
                 "\((result["adapter_response"] as? [String: Any] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })"]
            }
            XCTAssertEqual(ours, theirs, name)
        }
        XCTAssertEqual(try connection.query("select count(*) from \"\(schemas["dev"] ?? "")\".m1", limit: nil).rows.first?.first?.integer, 2)
    }

    /// A clone gets the node's grants and description, as dbt's view materialization gives them.
    func testCloneAppliesGrantsAndPersistDocs() throws {
        let connection = try connect(try load(root, target: "dev", environment: environment))
        let role = "clone_reader_\(UUID().uuidString.prefix(8).lowercased())"
        try connection.execute("create role \(role)")
        defer { _ = try? connection.execute("drop owned by \(role); drop role \(role)") }
        let project = root + "/dbt_project.yml"
        try (try String(contentsOfFile: project, encoding: .utf8) + "    +grants: {select: [\(role)]}\n    +persist_docs: {relation: true}\n")
            .write(toFile: project, atomically: true, encoding: .utf8)
        try "version: 2\nmodels:\n  - name: m1\n    description: people, cloned\n".write(toFile: root + "/models/properties.yml",
                                                                                     atomically: true, encoding: .utf8)
        XCTAssertEqual(try run(["build", "--target", "prod"]).code, 0)
        try FileManager.default.copyItem(atPath: root + "/target", toPath: root + "/prod-state")
        let clone = try run(["clone", "--state", "prod-state", "--target", "dev"])
        XCTAssertEqual(clone.code, 0, clone.lines.joined(separator: "\n"))
        let dev = schemas["dev"] ?? ""
        XCTAssertEqual(try connection.query("select has_table_privilege('\(role)', '\(dev).m1', 'select')", limit: nil).rows, [[.bool(true)]])
        XCTAssertEqual(try connection.query("select obj_description('\(dev).m1'::regclass)", limit: nil).rows, [[.text("people, cloned")]])
    }
}
