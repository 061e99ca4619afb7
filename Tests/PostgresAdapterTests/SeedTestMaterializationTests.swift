import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// The `seed` and `test` materializations are macros of the global project (`materializations/seeds`,
/// `materializations/tests`, SQLite's variants in its adapter folder); the runner builds them in Swift (`SeedLoader`,
/// `TestExecutor`) while nothing overrides a macro they call. On the fixture `execution/seed_test_materializations`,
/// both ways must give what dbt-core 1.10 gives (Tests/Fixtures/reference/seed-test-materializations.json, recorded by
/// scripts/record-seed-test-materializations.py) and the same tables, on SQLite and PostgreSQL; a project overriding a
/// helper, or the materialization itself, gets its macro run.
final class SeedTestMaterializationTests: XCTestCase {
    private static let steps = [["seed"], ["seed"], ["seed", "--full-refresh"], ["test"]]

    func testBothWaysMatchDbtOnSQLite() throws {
        try assertBothWaysMatchDbt(target: "sqlite", environment: sqliteEnvironment())
    }

    func testBothWaysMatchDbtOnPostgres() throws {
        try assertBothWaysMatchDbt(target: "postgres", environment: try requirePostgres())
    }

    func testReseedWithChangedColumnsRecreatesTheTableBothWaysOnSQLite() throws {
        try assertReseedWithChangedColumns(target: "sqlite", environment: sqliteEnvironment())
    }

    func testReseedWithChangedColumnsRecreatesTheTableBothWaysOnPostgres() throws {
        try assertReseedWithChangedColumns(target: "postgres", environment: try requirePostgres())
    }

    func testProjectOverridesRunOnSQLite() throws {
        try assertOverridesRun(target: "sqlite", environment: sqliteEnvironment())
    }

    func testProjectOverridesRunOnPostgres() throws {
        try assertOverridesRun(target: "postgres", environment: try requirePostgres())
    }

    /// The four steps on a fresh copy, in Swift and with the macros: every node's status, failures, message and adapter
    /// response after each step are dbt's (a database error's status only: its text is the database's), and the
    /// relations left (seeds and stored failures: kind, columns and types, rows) are the same both ways.
    private func assertBothWaysMatchDbt(target: String, environment: [String: String]) throws {
        let reference = try recorded(target)
        var relations: [[String: String]] = []
        for macros in [false, true] {
            let (root, schema) = try projectWithBothTargets("execution/seed_test_materializations", profile: "seed_tests")
            defer { removeProject(root, schema: schema, environment: environment) }
            for (index, arguments) in SeedTestMaterializationTests.steps.enumerated() {
                let run = try runCLI(arguments + ["--target", target, "--profiles-dir", root], in: root,
                                     environment: with(environment, macros: macros))
                let expected = try XCTUnwrap(reference.steps[index])
                let label = "\(target) \(macros ? "macros" : "swift") \(arguments.joined(separator: " "))"
                XCTAssertEqual(run.code, expected.exitCode, label + "\n" + run.stdout + run.stderr)
                XCTAssertEqual(try results(root), expected.results, label)
            }
            relations.append(try described(root, schema: schema, target: target, environment: environment))
        }
        XCTAssertEqual(relations.first, relations.last, target)
        XCTAssertEqual(relations.first.map { Set($0.keys) }, Set(reference.relations), target)
    }

    /// A CSV whose columns changed since the last seed: its table is dropped and created again with the new columns
    /// (dbt would empty the old table and fail to insert), the same both ways.
    private func assertReseedWithChangedColumns(target: String, environment: [String: String]) throws {
        var relations: [[String: String]] = []
        for macros in [false, true] {
            let (root, schema) = try projectWithBothTargets("execution/seed_test_materializations", profile: "seed_tests")
            defer { removeProject(root, schema: schema, environment: environment) }
            let arguments = ["seed", "--select", "changing", "--target", target, "--profiles-dir", root]
            XCTAssertEqual(try runCLI(arguments, in: root, environment: with(environment, macros: macros)).code, 0)
            try "id,label,extra\n1,a,x\n2,b,y\n3,c,z\n".write(toFile: root + "/seeds/changing.csv", atomically: true, encoding: .utf8)
            let run = try runCLI(arguments, in: root, environment: with(environment, macros: macros))
            XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
            XCTAssert(run.stdout.contains("[INSERT 3 in "), run.stdout)
            let described = try described(root, schema: schema, target: target, environment: environment)
            XCTAssertEqual(described.count, 1)
            XCTAssert(described.values.first?.hasPrefix("table id") == true && described.values.first?.contains(", extra ") == true,
                      "\(described)")
            relations.append(described)
        }
        XCTAssertEqual(relations.first, relations.last, target)
    }

    /// Without SWIFTDBT_MATERIALIZATIONS: a project's `get_test_sql` and `get_batch_size` (each logs, then does what the
    /// built-in one does) turn the fast paths off, so they run and the outcome is dbt's; a project's own
    /// `materialization test` replaces the built-in one (here: every test passes).
    private func assertOverridesRun(target: String, environment: [String: String]) throws {
        let reference = try recorded(target)
        let helpers = """
        {% macro get_test_sql(main_sql, fail_calc, warn_if, error_if, limit) %}
            {{ log('project get_test_sql', info=True) }}
            {{ return(adapter.dispatch('get_test_sql', 'dbt')(main_sql, fail_calc, warn_if, error_if, limit)) }}
        {% endmacro %}
        {% macro get_batch_size() %}{{ log('project get_batch_size', info=True) }}{{ return(1) }}{% endmacro %}
        """
        let materialization = """
        {% materialization test, default %}
            {{ log('project test materialization', info=True) }}
            {% call statement('main', fetch_result=True) %}select 0 as failures, 0 as should_warn, 0 as should_error{% endcall %}
            {{ return({'relations': []}) }}
        {% endmaterialization %}
        """
        for (file, text) in [("helpers.sql", helpers), ("test_materialization.sql", materialization)] {
            let (root, schema) = try projectWithBothTargets("execution/seed_test_materializations", profile: "seed_tests")
            defer { removeProject(root, schema: schema, environment: environment) }
            try FileManager.default.createDirectory(atPath: root + "/macros", withIntermediateDirectories: true)
            try text.write(toFile: root + "/macros/" + file, atomically: true, encoding: .utf8)
            let seed = try runCLI(["seed", "--target", target, "--profiles-dir", root], in: root, environment: environment)
            XCTAssertEqual(seed.code, 0, seed.stdout + seed.stderr)
            XCTAssertEqual(try results(root), reference.steps[0]?.results, target + " " + file)
            XCTAssertEqual(seed.stdout.contains("project get_batch_size"), file == "helpers.sql", seed.stdout)
            let test = try runCLI(["test", "--target", target, "--profiles-dir", root], in: root, environment: environment)
            let tested = try results(root)
            if file == "helpers.sql" {
                XCTAssertEqual(test.code, 1, test.stdout + test.stderr)
                XCTAssertEqual(tested, reference.steps[3]?.results, target)
                // Every test's query is judged by it but, on SQLite, the one whose failures view SQLite refuses.
                XCTAssertEqual(test.stdout.components(separatedBy: "project get_test_sql").count - 1, target == "sqlite" ? 8 : 9)
            } else {
                XCTAssertEqual(test.code, 0, test.stdout + test.stderr)
                XCTAssertEqual(Set(tested.values.map(\.status)), ["pass"], "\(tested)")
                XCTAssertEqual(test.stdout.components(separatedBy: "project test materialization").count - 1, 9, test.stdout)
            }
        }
    }

    // MARK: - Reading what happened

    /// What the reference (or a run) says of one node: status, failures, adapter response and message (none for a
    /// database error, whose text is the database's).
    private struct Outcome: Equatable, CustomStringConvertible {
        var status: String
        var failures: Int?
        var response: String?
        var message: String?

        var description: String { "\(status) \(failures.map(String.init) ?? "-") \(response ?? "-") \(message ?? "-")" }
    }

    private struct Reference {
        var steps: [Int: (exitCode: Int32, results: [String: Outcome])]
        var relations: [String]
    }

    /// The recorded dbt outcome for `adapter`; relations named `main.x` (the target's schema) or `main_dbt_test__audit.x`.
    private func recorded(_ adapter: String) throws -> Reference {
        let url = fixtures.appendingPathComponent("reference/seed-test-materializations.json")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let recorded = try XCTUnwrap(json[adapter] as? [String: Any])
        let steps = try XCTUnwrap(recorded["steps"] as? [[String: Any]])
        var reference = Reference(steps: [:], relations: [])
        for (index, step) in steps.enumerated() {
            let results = try XCTUnwrap(step["results"] as? [String: [String: Any]])
            reference.steps[index] = (Int32(try XCTUnwrap(step["exit_code"] as? Int)),
                                      results.mapValues { SeedTestMaterializationTests.outcome($0, response: $0["response"]) })
        }
        let relations = try XCTUnwrap(recorded["relations"] as? [String: Any])
        reference.relations = Array(relations.keys)
        return reference
    }

    /// `target/run_results.json`'s outcome of each node, by unique ID.
    private func results(_ root: String) throws -> [String: Outcome] {
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/target/run_results.json"))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let results = try XCTUnwrap(json["results"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: try results.map { result in
            let response = (result["adapter_response"] as? [String: Any])?["_message"]
            return (try XCTUnwrap(result["unique_id"] as? String), SeedTestMaterializationTests.outcome(result, response: response))
        })
    }

    private static func outcome(_ result: [String: Any], response: Any?) -> Outcome {
        let status = result["status"] as? String ?? ""
        return Outcome(status: status, failures: result["failures"] as? Int, response: response as? String,
                       message: status == "error" ? nil : result["message"] as? String)
    }

    /// Every relation of the target's schema and its audit schema, named as the reference names them: its kind,
    /// columns with their types, and fingerprint.
    private func described(_ root: String, schema: String, target: String, environment: [String: String]) throws -> [String: String] {
        let loaded = try load(root, target: target, environment: environment)
        let connection = try connect(loaded)
        let schemas = target == "sqlite" ? [("main", "main"), ("main_dbt_test__audit", "main_dbt_test__audit")]
            : [("main", schema), ("main_dbt_test__audit", schema + "_dbt_test__audit")]
        var described: [String: String] = [:]
        for (label, name) in schemas where try connection.listSchemas().contains(name) {
            for (relation, kind) in try connection.relations(inSchemas: [name]) {
                let columns = try connection.columns(of: relation).map { "\($0.name) \($0.type)" }.joined(separator: ", ")
                let (rows, checksum) = try fingerprint(loaded.session.dialect.render(relation), connection)
                described["\(label).\(relation.identifier)"] = "\(kind.rawValue) \(columns)\n\(rows)\n\(checksum)"
            }
        }
        return described
    }

    private func with(_ environment: [String: String], macros: Bool) -> [String: String] {
        var environment = environment
        if macros { environment[BuiltinMaterializations.environmentVariable] = "macros" }
        return environment
    }

    /// The environment for the SQLite output (the unused PostgreSQL output of the profile still renders).
    private func sqliteEnvironment() -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["PGHOST"] = environment["PGHOST"] ?? "localhost"
        return environment
    }
}
