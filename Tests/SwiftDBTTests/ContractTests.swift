import Foundation
import TestSupport
import XCTest
@testable import SQLiteAdapter

/// Model contracts and constraints on SQLite (fixture `execution/contracts`), as dbt-sqlite treats them:
/// nothing is enforced, each contracted model builds from its query with dbt-sqlite's warning, and a
/// view's constraints get dbt-core's warning when the project loads.
final class ContractTests: XCTestCase {
    /// Each step recorded with dbt-core 1.10 and dbt-sqlite (scripts/record-contracts-reference.py), replayed:
    /// exit codes, tables and warnings.
    func testSameTablesAndWarningsAsDbtSqlite() throws {
        let file = fixturesFolder.appendingPathComponent("reference/contracts.json")
        let steps = try DbtReferenceStep.load(file, adapter: "sqlite")
        let recorded = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let details = try XCTUnwrap(recorded["sqlite"] as? [String: [String: Any]])
        XCTAssertEqual(steps.count, 4)
        for step in steps {
            let copy = try ExecutionProject("contracts")
            addTeardownBlock { try? FileManager.default.removeItem(atPath: (copy.root as NSString).deletingLastPathComponent) }
            let runs = try step.runs.map { try copy.run($0) }
            XCTAssertEqual(runs.map(\.code), step.exitCodes, step.name + runs.map(\.all).joined())
            let warnings = try XCTUnwrap(details[step.name]?["warnings"] as? [[String]])
            for (run, expected) in zip(runs, warnings) {
                for warning in expected {
                    XCTAssert(run.all.contains(warning), "\(step.name): '\(warning)' in\n\(run.all)")
                }
            }
            var tables: [String: [String]] = [:]
            for (name, kind) in try copy.relations() where kind == "table" {
                tables[name] = DbtReferenceStep.rows(of: try copy.rows("select * from \"\(name)\"").map { row in
                    row.map { value -> Any in
                        switch value {
                        case .integer(let i): return NSNumber(value: i)
                        case .real(let d): return NSNumber(value: d)
                        case .text(let t): return t
                        case .null, .blob: return NSNull()
                        }
                    }
                })
            }
            XCTAssertEqual(tables, step.tables, step.name)
        }
    }

    /// Constraints are read into the manifest as dbt-core writes them (a column's, and the model's own).
    func testConstraintsInTheManifest() throws {
        let copy = try ExecutionProject("contracts")
        addTeardownBlock { try? FileManager.default.removeItem(atPath: (copy.root as NSString).deletingLastPathComponent) }
        XCTAssertEqual(try copy.run("parse").code, 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: copy.root + "/target/manifest.json"))
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let node = try XCTUnwrap((manifest["nodes"] as? [String: Any])?["model.contracts.customers"] as? [String: Any])
        let id = try XCTUnwrap((node["columns"] as? [String: Any])?["id"] as? [String: Any])
        let constraints = try XCTUnwrap(id["constraints"] as? [[String: Any]])
        XCTAssertEqual(constraints.map { $0["type"] as? String }, ["not_null", "primary_key"])
        XCTAssertEqual(constraints.first?["warn_unenforced"] as? Bool, true)
        XCTAssertEqual((node["contract"] as? [String: Any])?["enforced"] as? Bool, true)
    }
}

/// `materialized: materialized_view` on SQLite fails the model as dbt-sqlite's does (recorded by
/// scripts/record-materialized-view-reference.py): SQLite has none.
final class MaterializedViewSQLiteTests: XCTestCase {
    func testAMaterializedViewIsDbtSqlitesError() throws {
        let file = fixturesFolder.appendingPathComponent("reference/materialized-views.json")
        let recorded = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let step = try XCTUnwrap((recorded["sqlite"] as? [String: [String: Any]])?["unsupported"])
        let project = try ExecutionProject("materialized_views")
        addTeardownBlock { try? FileManager.default.removeItem(atPath: (project.root as NSString).deletingLastPathComponent) }
        let run = try project.run("run")
        XCTAssertEqual([Int(run.code)], step["exit_codes"] as? [Int], run.all)
        let message = try XCTUnwrap((step["messages"] as? [[String: String]])?.first?["mv"])
        let sentence = try XCTUnwrap(message.split(separator: "\n").dropFirst().first).trimmingCharacters(in: .whitespaces)
        XCTAssert(try XCTUnwrap(project.runResults()["model.materialized_views.mv"]?["message"] as? String).contains(sentence), run.all)
        XCTAssertEqual(try project.rows("select id from base order by id"), [[1], [2]], "the other model still builds")
    }
}

/// `config.get('contract')` has dbt's value when the model sets none, so macros written as dbt's
/// (`config.get('contract').enforced`) work for every model.
final class ContractConfigTests: XCTestCase {
    func testContractHasAValueWhenUnset() throws {
        let project = try ExecutionProject("contracts")
        addTeardownBlock { try? FileManager.default.removeItem(atPath: (project.root as NSString).deletingLastPathComponent) }
        try project.write("{{ config(materialized='table') }}\nselect '{{ config.get('contract').enforced }}' as enforced\n",
                          to: "models/plain.sql")
        let run = try project.run("run", "-s", "plain", "customers")
        XCTAssertEqual(run.code, 0, run.all)
        XCTAssertEqual(try project.rows("select enforced from plain"), [["False"]])
    }
}
