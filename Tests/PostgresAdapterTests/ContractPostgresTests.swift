import Foundation
import TestSupport
import XCTest
@testable import PostgresAdapter
@testable import SwiftDBT

/// Model contracts and constraints on the real PostgreSQL server (fixture `execution/contracts`), as
/// dbt-postgres enforces them: the model's columns checked against its YAML before anything is built
/// (dbt's error listing each mismatch, with psycopg2's type labels), the table created with its columns'
/// types and constraints, and a row violating one failing the model and leaving the previous table.
final class ContractPostgresTests: XCTestCase {
    private var environment: [String: String] = [:]

    override func setUpWithError() throws {
        environment = try requirePostgres()
    }

    /// Each step recorded with dbt-core 1.10 and dbt-postgres (scripts/record-contracts-reference.py), replayed
    /// on copies of the fixture: exit codes, tables, the failed models' messages and the warnings.
    func testSameTablesAndMessagesAsDbtPostgres() throws {
        let file = fixtures.appendingPathComponent("reference/contracts.json")
        let steps = try DbtReferenceStep.load(file, adapter: "postgres")
        let recorded = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let details = try XCTUnwrap(recorded["postgres"] as? [String: [String: Any]])
        XCTAssertEqual(steps.count, 4)
        for step in steps {
            let (copy, schema) = try projectWithBothTargets("execution/contracts", profile: "contracts")
            let connection = try connect(try load(copy, target: "postgres", environment: environment))
            addTeardownBlock {
                try? connection.execute("drop schema if exists \"\(schema)\" cascade")
                try? FileManager.default.removeItem(atPath: (copy as NSString).deletingLastPathComponent)
            }
            var codes: [Int32] = []
            var outputs: [String] = []
            var messages: [[String: String]] = []
            for arguments in step.runs {
                let run = try runCLI(arguments + ["--target", "postgres", "--profiles-dir", copy], in: copy, environment: environment)
                codes.append(run.code)
                outputs.append(run.stdout + run.stderr)
                messages.append(try failedMessages(copy))
            }
            XCTAssertEqual(codes, step.exitCodes, step.name + outputs.joined())
            let expectedMessages = try XCTUnwrap(details[step.name]?["messages"] as? [[String: String]])
            XCTAssertEqual(messages.map { Set($0.keys) }, expectedMessages.map { Set($0.keys) }, step.name)
            for (ours, theirs) in zip(messages, expectedMessages) {
                for (node, message) in theirs {
                    // dbt's first line (the error's kind and the node) and its own message's lines, without
                    // dbt's macro stack, which names dbt's files.
                    let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                    for line in lines where !line.hasPrefix(">") && !line.isEmpty {
                        XCTAssert(ours[node]?.contains(line) == true, "\(step.name) \(node): '\(line)' in\n\(ours[node] ?? "")")
                    }
                }
            }
            let warnings = try XCTUnwrap(details[step.name]?["warnings"] as? [[String]])
            for (output, expected) in zip(outputs, warnings) {
                for warning in expected { XCTAssert(output.contains(warning), "\(step.name): '\(warning)' in\n\(output)") }
            }
            var tables: [String: [String]] = [:]
            let names = try connection.query("select table_name from information_schema.tables where table_schema = '\(schema)'",
                                             limit: nil)
            for case .text(let name)? in names.rows.map(\.first) {
                let rows = try connection.query("select * from \"\(schema)\".\"\(name)\"", limit: nil).rows
                tables[name] = DbtReferenceStep.rows(of: rows.map { row in
                    row.map { value -> Any in
                        switch value {
                        case .integer(let i): return NSNumber(value: i)
                        case .real(let d): return NSNumber(value: d)
                        case .text(let t): return t
                        case .bool(let b): return NSNumber(value: b)
                        case .null, .blob: return NSNull()
                        }
                    }
                })
            }
            XCTAssertEqual(tables, step.tables, step.name)
        }
    }

    /// The contracted table carries its constraints: the server refuses a row breaking them afterwards too.
    func testTheTableIsCreatedWithItsConstraints() throws {
        let (copy, schema) = try projectWithBothTargets("execution/contracts", profile: "contracts")
        let connection = try connect(try load(copy, target: "postgres", environment: environment))
        addTeardownBlock {
            try? connection.execute("drop schema if exists \"\(schema)\" cascade")
            try? FileManager.default.removeItem(atPath: (copy as NSString).deletingLastPathComponent)
        }
        let run = try runCLI(["run", "-s", "customers", "--target", "postgres", "--profiles-dir", copy], in: copy, environment: environment)
        XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
        let table = "\"\(schema)\".customers"
        for bad in ["(1, 'again')", "(null, 'nobody')", "(-1, 'negative')", "(9, null)"] {
            XCTAssertThrowsError(try connection.execute("insert into \(table) values \(bad)"), bad)
        }
        let types = try connection.query("select data_type, character_maximum_length from information_schema.columns "
                                          + "where table_schema = '\(schema)' and table_name = 'customers' order by ordinal_position",
                                          limit: nil).rows
        XCTAssertEqual(types, [[.text("integer"), .null], [.text("character varying"), .integer(20)]])
    }

    /// A contracted view is checked as a table is (dbt-postgres' create_view_as); a failing check leaves the old view.
    func testAContractedViewIsChecked() throws {
        let (copy, schema) = try projectWithBothTargets("execution/contracts", profile: "contracts")
        let connection = try connect(try load(copy, target: "postgres", environment: environment))
        addTeardownBlock {
            try? connection.execute("drop schema if exists \"\(schema)\" cascade")
            try? FileManager.default.removeItem(atPath: (copy as NSString).deletingLastPathComponent)
        }
        let arguments = ["run", "-s", "customers", "contracted_view", "--target", "postgres", "--profiles-dir", copy]
        XCTAssertEqual(try runCLI(arguments, in: copy, environment: environment).code, 0)
        try "select id from {{ ref('customers') }}\n".write(toFile: copy + "/models/contracted_view.sql", atomically: true, encoding: .utf8)
        // Only the view: rebuilding customers would drop it (cascade), as dbt-postgres does.
        let failed = try runCLI(["run", "-s", "contracted_view", "--target", "postgres", "--profiles-dir", copy], in: copy,
                                environment: environment)
        XCTAssertEqual(failed.code, 1, failed.stdout)
        XCTAssert(failed.stdout.contains("| name        |                 | TEXT          | missing in definition |"), failed.stdout)
        let columns = try connection.query("select * from \"\(schema)\".contracted_view", limit: nil).columns
        XCTAssertEqual(columns, ["id", "name"], "the previous view is kept")
    }

    /// `target/run_results.json`'s message of each node that errored, by name.
    private func failedMessages(_ root: String) throws -> [String: String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/target/run_results.json"))
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let results = try XCTUnwrap(document["results"] as? [[String: Any]])
        var messages: [String: String] = [:]
        for result in results where result["status"] as? String == "error" {
            let id = result["unique_id"] as? String ?? ""
            messages[String(id.split(separator: ".").last ?? "")] = result["message"] as? String ?? ""
        }
        return messages
    }
}
