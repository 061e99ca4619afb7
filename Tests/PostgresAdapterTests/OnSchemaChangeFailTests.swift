import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// An incremental model whose columns changed under `on_schema_change: fail` fails with dbt-core 1.10's message
/// (Tests/Fixtures/reference/on-schema-change-fail.json, recorded with dbt-postgres by
/// scripts/record-on-schema-change-fail.py; dbt-sqlite ignores `on_schema_change`, swiftdbt applies it on SQLite as
/// dbt-core's default materialization does): in the Swift path, run_results.json's message and the console's failure
/// summary are dbt's; the macros (`SWIFTDBT_MATERIALIZATIONS=macros`) raise the same text, framed by swiftdbt's
/// location and macro call chain.
final class OnSchemaChangeFailTests: XCTestCase {
    func testTheMessageIsDbtsOnPostgres() throws {
        let environment = try requirePostgres()
        let reference = try recorded()
        for macros in [false, true] {
            let (code, stdout, messages) = try failingRun(target: "postgres", environment: environment, macros: macros)
            XCTAssertEqual(code, reference.code, stdout)
            if macros {
                for (model, message) in reference.messages {
                    XCTAssert(messages[model]?.contains(Self.body(message)) == true, messages[model] ?? "no message for \(model)")
                }
            } else {
                XCTAssertEqual(messages, reference.messages)
                XCTAssertEqual(Self.summary(stdout), reference.console)
            }
        }
    }

    /// SQLite's columns are listed as swiftdbt's `Column(...)`; every other line is dbt's.
    func testTheMessageIsDbtsOnSQLite() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["PGHOST"] = environment["PGHOST"] ?? "localhost"
        let reference = try recorded()
        for macros in [false, true] {
            let (code, stdout, messages) = try failingRun(target: "sqlite", environment: environment, macros: macros)
            XCTAssertEqual(code, 1, stdout)
            for (model, message) in reference.messages {
                let expected = Self.body(message).replacingOccurrences(
                    of: #"PostgresColumn\(column='(\w+)', dtype='\w+'[^)]*\)"#, with: "Column(column='$1', dtype='", options: .regularExpression)
                let actual = try XCTUnwrap(messages[model]).replacingOccurrences(
                    of: #"Column\(column='(\w+)', dtype='[^)]*\)"#, with: "Column(column='$1', dtype='", options: .regularExpression)
                XCTAssert(actual.contains(expected), actual)
                if !macros { XCTAssertEqual(actual, message.replacingOccurrences(of: Self.body(message), with: expected)) }
            }
        }
    }

    /// `dbt run`, then `dbt run --vars 'grown: true'` on a fresh copy: the second run's exit code, output and
    /// messages by model.
    private func failingRun(target: String, environment: [String: String], macros: Bool) throws
        -> (Int32, String, [String: String]) {
        let (root, schema) = try projectWithBothTargets("execution/on_schema_change_fail", profile: "on_schema_change_fail")
        defer { removeProject(root, schema: schema, environment: environment) }
        var environment = environment
        if macros { environment[BuiltinMaterializations.environmentVariable] = "macros" }
        let first = try runCLI(["run", "--target", target, "--profiles-dir", root], in: root, environment: environment)
        XCTAssertEqual(first.code, 0, first.stdout + first.stderr)
        let second = try runCLI(["run", "--vars", "grown: true", "--target", target, "--profiles-dir", root], in: root,
                                environment: environment)
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/target/run_results.json"))
        let results = try XCTUnwrap((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["results"] as? [[String: Any]])
        var messages: [String: String] = [:]
        for result in results {
            let id = try XCTUnwrap(result["unique_id"] as? String)
            messages[String(id.split(separator: ".").last ?? "")] = result["message"] as? String
        }
        return (second.code, second.stdout, messages)
    }

    /// The message's lines from `The source and target schemas ...` through `New column types: ...`.
    private static func body(_ message: String) -> String {
        let lines = message.components(separatedBy: "\n")
        let start = lines.firstIndex { $0.contains("The source and target schemas") } ?? 0
        let end = lines.firstIndex { $0.contains("New column types:") } ?? lines.count - 1
        return lines[start...end].joined(separator: "\n")
    }

    /// The output from `Completed with ...` through `Done. ...`, timestamps removed.
    private static func summary(_ stdout: String) -> [String] {
        let lines = stdout.components(separatedBy: "\n")
            .map { $0.replacingOccurrences(of: #"^\d\d:\d\d:\d\d  "#, with: "", options: .regularExpression) }
        guard let start = lines.firstIndex(where: { $0.hasPrefix("Completed") }),
              let end = lines.firstIndex(where: { $0.hasPrefix("Done.") }) else { return lines }
        return Array(lines[start...end])
    }

    private struct Reference: Decodable {
        var code: Int32
        var console: [String]
        var messages: [String: String]
    }

    private func recorded() throws -> Reference {
        let url = fixtures.appendingPathComponent("reference/on-schema-change-fail.json")
        struct File: Decodable { var postgres: Reference }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).postgres
    }
}
