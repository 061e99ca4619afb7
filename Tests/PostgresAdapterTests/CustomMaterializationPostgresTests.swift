import Foundation
import TestSupport
import XCTest
@testable import PostgresAdapter
@testable import SwiftDBT

/// `{% materialization %}` blocks on the real PostgreSQL server (fixture `execution/custom_materializations`):
/// the `postgres` variant chosen over the default, the root project's `table, default` replacing the
/// built-in `table` (dbt-postgres has no `table` of its own), and a failing materialization leaving
/// the previous table with the server's message.
final class CustomMaterializationPostgresTests: XCTestCase {
    private var root = ""
    private var schema = ""
    private var environment: [String: String] = [:]

    override func setUpWithError() throws {
        environment = try requirePostgres()
        (root, schema) = try projectWithBothTargets("execution/custom_materializations", profile: "custom_materializations")
    }

    override func tearDownWithError() throws {
        removeProject(root, schema: schema, environment: environment)
    }

    private func run(_ arguments: String...) throws -> (code: Int32, output: String) {
        let run = try runCLI(arguments + ["--target", "postgres", "--profiles-dir", root], in: root, environment: environment)
        return (run.code, run.stdout + run.stderr)
    }

    private func rows(_ sql: String) throws -> [[DatabaseValue]] {
        try connect(try load(root, target: "postgres", environment: environment)).query(sql, limit: nil).rows
    }

    /// Each step recorded with dbt-core 1.10 and dbt-postgres (scripts/record-materialization-reference.py), replayed
    /// on copies of the fixture, each with its own schema: the tables, and the message and adapter_response of
    /// each model that succeeded.
    func testSameTablesAsDbtCore() throws {
        let steps = try DbtReferenceStep.load(fixtures.appendingPathComponent("reference/custom-materializations.json"),
                                              adapter: "postgres")
        XCTAssertEqual(steps.count, 6)
        for step in steps {
            let (copy, copySchema) = try projectWithBothTargets("execution/custom_materializations", profile: "custom_materializations")
            let connection = try connect(try load(copy, target: "postgres", environment: environment))
            addTeardownBlock {
                try? connection.execute("drop schema if exists \"\(copySchema)\" cascade")
                try? FileManager.default.removeItem(atPath: (copy as NSString).deletingLastPathComponent)
            }
            let file = copy + "/dbt_project.yml"
            try (try String(contentsOfFile: file, encoding: .utf8) + step.projectFileExtra).write(toFile: file, atomically: true, encoding: .utf8)
            let codes = try step.runs.map {
                try runCLI($0 + ["--target", "postgres", "--profiles-dir", copy], in: copy, environment: environment).code
            }
            XCTAssertEqual(codes, step.exitCodes, step.name)
            var tables: [String: [String]] = [:]
            let names = try connection.query("select table_name from information_schema.tables where table_schema = '\(copySchema)'", limit: nil)
            for case .text(let name)? in names.rows.map(\.first) {
                let rows = try connection.query("select * from \"\(copySchema)\".\"\(name)\"", limit: nil).rows
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
            XCTAssertEqual(try DbtReferenceStep.successes(inTarget: copy + "/target"), step.successes, step.name)
        }
    }

    func testMaterializationsOnPostgres() throws {
        let first = try run("run")
        XCTAssertEqual(first.code, 0, first.output)
        XCTAssertEqual(try rows("select id, built_by from \"\(schema)\".flavoured"), [[.integer(1), .text("postgres")]])
        XCTAssertEqual(try rows("select id, built_by from \"\(schema)\".plain_table"), [[.integer(1), .text("root default")]])
        XCTAssertEqual(try rows("select id from \"\(schema)\".counted order by id"), [[.integer(1)], [.integer(2)], [.integer(100)]])
        let second = try run("run", "--select", "too_few", "broken", "--vars", "{batch: 2, min_rows: 5, break: true}")
        XCTAssertEqual(second.code, 1, second.output)
        XCTAssert(second.output.contains("relation \"no_such_table\" does not exist"), second.output)
        XCTAssert(second.output.contains("too_few has 1 rows, fewer than 5"), second.output)
        XCTAssertEqual(try rows("select id from \"\(schema)\".too_few"), [[.integer(1)]])
        XCTAssertEqual(try rows("select id from \"\(schema)\".broken"), [[.integer(1)]])
        XCTAssertEqual(try rows("select table_name from information_schema.tables where table_schema = '\(schema)' order by 1"),
                       ["appended", "broken", "counted", "flavoured", "plain_table", "replaced", "too_few"].map { [.text($0)] },
                       "no intermediate or backup table is left")
    }
}
