import Foundation
import SQLiteAdapter
import TestSupport
import XCTest
@testable import SwiftDBT

/// Slim CI on SQLite: build a "production" target, keep its artifacts, change one model's SQL and one
/// macro, and select what changed (`state:modified`, its parts, `state:new`, `result:`) with dbt's rules.
final class StateSelectionTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = try copyFixture("jaffle_shop")
        // One test that fails in production, for result:fail.
        try "select 1 as failing_row".write(toFile: root + "/data-tests/always_fails.sql", atomically: false, encoding: .utf8)
        let production = try runCLI(["build"], in: root)
        XCTAssertEqual(production.code, 1, production.stdout + production.stderr)
        try FileManager.default.createDirectory(atPath: root + "/prod", withIntermediateDirectories: true)
        for artifact in ["manifest.json", "run_results.json"] {
            try FileManager.default.copyItem(atPath: root + "/target/" + artifact, toPath: root + "/prod/" + artifact)
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(root))
    }

    /// `swiftdbt ls` names (`--output name`) of the nodes `selection` picks, without the tests of those.
    private func listed(_ selection: String, _ extra: [String] = [], environment: [String: String] = [:]) throws -> Set<String> {
        let result = try runCLI(["ls", "-s", selection, "--output", "name", "--indirect-selection", "empty"] + extra, in: root, environment: environment)
        XCTAssertEqual(result.code, 0, result.stdout + result.stderr)
        return Set(result.stdout.split(separator: "\n").map(String.init).filter { !$0.contains(" ") })
    }

    private func edit(_ path: String, _ change: (String) -> String) throws {
        let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
        try change(text).write(toFile: root + "/" + path, atomically: false, encoding: .utf8)
    }

    func testUnchangedProjectHasNothingModified() throws {
        XCTAssertEqual(try listed("state:modified", ["--state", "prod"]), [])
        XCTAssertEqual(try listed("state:new", environment: ["DBT_STATE": "prod"]), [])
        // White space around the file is not a change (dbt hashes and compares the stripped text).
        try edit("models/orders.sql") { "\n\n" + $0 + "\n  \n" }
        XCTAssertEqual(try listed("state:modified", ["--state", "prod"]), [])
    }

    func testChangedModelAndMacroAndTheirChildren() throws {
        try edit("models/orders.sql") { $0 + "\n-- reviewed" }
        try edit("macros/cents_to_dollars.sql") { $0.replacingOccurrences(of: "1.0 *", with: "1.00 *") }
        try "select 1 as id".write(toFile: root + "/models/new_model.sql", atomically: false, encoding: .utf8)

        XCTAssertEqual(try listed("state:modified", ["--state", "prod", "--resource-type", "model"]),
                       ["orders", "stg_payments", "new_model"])
        XCTAssertEqual(try listed("state:modified.body", ["--state", "prod"]), ["orders", "new_model"])
        XCTAssertEqual(try listed("state:modified.macros", ["--state", "prod"]), ["stg_payments", "new_model"])
        XCTAssertEqual(try listed("state:new", ["--state", "prod"]), ["new_model"])
        XCTAssertEqual(try listed("state:modified.configs", ["--state", "prod"]), ["new_model"])

        // Building state:modified+ builds exactly the changed models and everything downstream of them.
        let build = try runCLI(["build", "-s", "state:modified+", "--exclude", "always_fails", "--state", "prod"], in: root)
        XCTAssertEqual(build.code, 0, build.stdout + build.stderr)
        let results = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root + "/target/run_results.json")))
        let built = ((results as? [String: Any])?["results"] as? [[String: Any]] ?? []).compactMap { $0["unique_id"] as? String }
        XCTAssertEqual(Set(built.filter { $0.hasPrefix("model.") }),
                       ["model.jaffle_shop.orders", "model.jaffle_shop.stg_payments", "model.jaffle_shop.customers",
                        "model.jaffle_shop.new_model"])
        XCTAssertFalse(built.contains { $0.hasPrefix("seed.") }, "\(built)")
    }

    func testConfigChangeIsAConfigsChange() throws {
        try edit("dbt_project.yml") { $0.replacingOccurrences(of: "+materialized: table", with: "+materialized: view") }
        XCTAssertEqual(try listed("state:modified.configs", ["--state", "prod"]), ["orders", "customers"])
        XCTAssertEqual(try listed("state:modified.body", ["--state", "prod"]), [])
    }

    func testResultsOfTheStateRun() throws {
        XCTAssertEqual(try listed("result:fail", ["--state", "prod"]), ["always_fails"])
        XCTAssertEqual(try listed("result:success", ["--state", "prod", "--resource-type", "seed"]),
                       ["raw_customers", "raw_orders", "raw_payments"])
    }

    /// The slim-CI flow across two targets of one SQLite warehouse: production in schema `prod`, the CI
    /// build in schema `ci`, reading the unchanged parents from production (`--defer`).
    func testDeferredBuildReadsUnchangedParentsFromProduction() throws {
        try """
        {"jaffle_shop": {"target": "prod", "outputs": {
          "prod": {"type": "sqlite", "path": "warehouse/main.sqlite", "schema": "prod", "threads": 1},
          "ci": {"type": "sqlite", "path": "warehouse/main.sqlite", "schema": "ci", "threads": 1}}}}
        """.write(toFile: root + "/profiles.json", atomically: false, encoding: .utf8)
        // SQLite refuses a view that reads another database file, so the changed view-model becomes a table.
        try edit("dbt_project.yml") { $0.replacingOccurrences(of: "+materialized: view", with: "+materialized: table") }
        let production = try runCLI(["build", "--exclude", "always_fails", "--profiles-dir", "."], in: root)
        XCTAssertEqual(production.code, 0, production.stdout + production.stderr)
        try FileManager.default.removeItem(atPath: root + "/prod")
        try FileManager.default.copyItem(atPath: root + "/target", toPath: root + "/prod")
        try edit("models/orders.sql") { $0 + "\n-- reviewed" }
        try edit("macros/cents_to_dollars.sql") { $0.replacingOccurrences(of: "1.0 *", with: "1.00 *") }

        let ci = try runCLI(["build", "-s", "state:modified+", "--defer", "--state", "prod", "--target", "ci", "--profiles-dir", "."],
                            in: root)
        XCTAssertEqual(ci.code, 0, ci.stdout + ci.stderr)
        let loaded = try loadProject(root)
        let connection = try SQLiteAdapterFactory().connect(loaded.session.target, projectRoot: root)
        func relations(_ schema: String) throws -> Set<String> {
            Set(try connection.relations(inSchemas: [schema]).keys.map(\.identifier))
        }
        XCTAssertEqual(try relations("ci"), ["orders", "stg_payments", "customers"])
        XCTAssertTrue(try relations("prod").isSuperset(of: ["stg_orders", "stg_customers", "raw_payments", "orders"]))
        let compiled = try String(contentsOfFile: root + "/target/compiled/jaffle_shop/models/orders.sql", encoding: .utf8)
        XCTAssertTrue(compiled.contains("from \"prod\".\"stg_orders\""), compiled)
        XCTAssertTrue(compiled.contains("from \"ci\".\"stg_payments\""), compiled)
        // Without --defer the unchanged parents are missing from the CI schema, and the build fails.
        let plain = try runCLI(["build", "-s", "state:modified+", "--state", "prod", "--target", "ci", "--profiles-dir", "."], in: root)
        XCTAssertEqual(plain.code, 1, plain.stdout + plain.stderr)
    }

    /// A state manifest cannot make SQLite attach a file outside the target's schema folder.
    func testDeferRefusesASchemaThatIsAPath() throws {
        try edit("prod/manifest.json") { $0.replacingOccurrences(of: "\"schema\": \"main\"", with: "\"schema\": \"../escape\"") }
        let result = try runCLI(["run", "-s", "orders", "--defer", "--state", "prod"], in: root)
        XCTAssertEqual(result.code, 2, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("has schema '../escape', which is not a schema name"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root + "/escape.db"))
    }

    func testStateSelectionNeedsAState() throws {
        let missing = try runCLI(["ls", "-s", "state:modified"], in: root)
        XCTAssertEqual(missing.code, 2)
        XCTAssertTrue(missing.stderr.contains("a state:, result: or source_status: selector needs --state (or DBT_STATE)"), missing.stderr)
        let nothing = try runCLI(["ls", "-s", "state:modified", "--state", "no-such-folder"], in: root)
        XCTAssertEqual(nothing.code, 2)
        XCTAssertTrue(nothing.stderr.contains("--state no-such-folder: there is no manifest.json to compare with"), nothing.stderr)
        let wrong = try runCLI(["ls", "-s", "state:changed", "--state", "prod"], in: root)
        XCTAssertEqual(wrong.code, 2)
        XCTAssertTrue(wrong.stderr.contains("Got an invalid selector method value \"state:changed\"")
                      || wrong.stderr.contains("invalid selector method value \"changed\" for state:"), wrong.stderr)
    }
}
