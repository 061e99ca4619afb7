import Foundation
import TestSupport
import XCTest
@testable import PostgresAdapter
@testable import SQLiteAdapter
@testable import SwiftDBT

/// dbt_project.yml's `quoting:` of false (fixture `quoting`, recorded from dbt-core 1.10 by
/// scripts/record-quoting-reference.py): relation names in the manifest and `{{ this }}`/`{{ ref() }}` are written
/// bare on SQLite and PostgreSQL, a model's own `quoting` config changes nothing, and the models build.
final class ProjectQuotingTests: XCTestCase {
    /// The lines of each model's compiled SQL that print `this` or a `ref()`.
    private let thisAndRefLines = ["model.quoting.child": [0, 1], "model.quoting.configured": [1]]

    func testUnquotedRelationNamesAsDbtWritesThem() throws {
        let environment = try requirePostgres()
        let (root, schema) = try projectWithBothTargets("quoting", profile: "quoting")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let reference = try JSONSerialization.jsonObject(with: Data(contentsOf: fixtures.appendingPathComponent("quoting/expected.json")))
        for target in ["sqlite", "postgres"] {
            let names = target == "sqlite" ? ["<schema>": "main"]
                : ["<schema>": schema, "<database>": environment["PGDATABASE"] ?? "postgres"]
            func actual(_ text: String) -> String { names.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) } }
            let expected = try XCTUnwrap((reference as? [String: Any])?[target] as? [String: [String: String]])
            let compile = try runCLI(["compile", "--target", target, "--profiles-dir", root], in: root, environment: environment)
            XCTAssertEqual(compile.code, 0, compile.stdout + compile.stderr)
            let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root + "/target/manifest.json")))
            let entries = try XCTUnwrap(manifest as? [String: Any])
            let nodes = (entries["nodes"] as? [String: [String: Any]] ?? [:]).merging(entries["sources"] as? [String: [String: Any]] ?? [:]) { $1 }
            for (uniqueID, recorded) in expected {
                let node = try XCTUnwrap(nodes[uniqueID], uniqueID)
                XCTAssertEqual(node["relation_name"] as? String, recorded["relation_name"].map(actual), "\(target) \(uniqueID)")
                // The lines of `this` and `ref()` (`source()` keeps its own quoting).
                let compiled = (node["compiled_code"] as? String ?? "").components(separatedBy: "\n")
                let lines = (recorded["compiled_code"] ?? "").components(separatedBy: "\n")
                for index in thisAndRefLines[uniqueID] ?? [] {
                    XCTAssertEqual(compiled.indices.contains(index) ? compiled[index] : nil, lines.indices.contains(index) ? actual(lines[index]) : "", "\(target) \(uniqueID) line \(index)")
                }
            }
            let build = try runCLI(["build", "--target", target, "--profiles-dir", root], in: root, environment: environment)
            XCTAssertEqual(build.code, 0, build.stdout + build.stderr)
        }
    }

    func testUnsafeNamesStayQuoted() {
        let bare = RelationObject.Parts(database: false, schema: false, identifier: false)
        let relation = RelationName(database: "db", schema: "Mixed", identifier: "x\"; drop table t; --")
        XCTAssertEqual(PostgresDialect().render(relation, quoting: bare), "db.\"Mixed\".\"x\"\"; drop table t; --\"",
                       "PostgreSQL would fold Mixed to lowercase; the other is not a plain identifier")
        XCTAssertEqual(SQLiteDialect().render(relation, quoting: bare), "Mixed.\"x\"\"; drop table t; --\"")
    }
}
