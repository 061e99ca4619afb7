import Foundation
import TestSupport
import XCTest
@testable import SparkAdapter
@testable import SwiftDBT

/// A small project (a seed, a view on it, a table on the view) built by the `swiftdbt` CLI on a real Spark
/// server: the schema is created as a Spark database, the relations hold what the seed file holds, and
/// `swiftdbt debug` connects.
final class SparkProjectTests: XCTestCase {
    private var fixture: SparkFixtureProject?
    private var root: String { fixture?.root ?? "" }
    private var schema: String { fixture?.schema ?? "" }

    override func tearDown() {
        fixture?.remove()
    }

    /// Copies the fixture into a new folder with a `profiles.yml` for the suite's server and a schema of its own.
    private func project(_ server: (host: String, port: String)) throws -> String {
        let made = try SparkFixtureProject("spark_starter", server: server, threads: 2)
        fixture = made
        return made.path
    }

    func testBuildCreatesTheSeedViewAndTableInTheSchema() throws {
        let server = try requireSpark()
        let project = try project(server)
        let debug = try runCLI(["debug", "--profiles-dir", "."], in: project)
        XCTAssertEqual(debug.code, 0, debug.stdout + debug.stderr)
        XCTAssert(debug.stdout.contains("  Connection test: [OK connection ok]"), debug.stdout)
        let build = try runCLI(["build", "--profiles-dir", "."], in: project)
        XCTAssertEqual(build.code, 0, build.stdout + build.stderr)
        let connection = try sparkConnection()
        XCTAssertEqual(try connection.relations(inSchemas: [schema]),
                       [RelationName(database: nil, schema: schema, identifier: "people"): .table,
                        RelationName(database: nil, schema: schema, identifier: "active_people"): .view,
                        RelationName(database: nil, schema: schema, identifier: "people_summary"): .table])
        // The seed file's rows, typed as dbt-spark types seed columns.
        XCTAssertEqual(try connection.columns(of: RelationName(database: nil, schema: schema, identifier: "people")).map(\.type),
                       ["bigint", "string", "date", "double", "boolean"])
        XCTAssertEqual(try connection.query("select id, name, joined, score, active from `\(schema)`.`people` order by id", limit: nil).rows,
                       [[.integer(1), .text("Ada"), .text("2024-01-02"), .real(9.5), .bool(true)],
                        [.integer(2), .text("O'Brien"), .text("2024-02-29"), .real(7.25), .bool(false)],
                        [.integer(3), .text("Back\\slash"), .text("2023-12-31"), .null, .bool(true)]])
        XCTAssertEqual(try connection.query("select * from `\(schema)`.`people_summary`", limit: nil).rows,
                       [[.integer(2), .real(9.5), .text("2024-01-02"), .text("Back\\slash")]])
        // A second build replaces the table and the view in place (refreshed first: a Spark session keeps the files
        // of a table it has read, and the CLI's session, another process's, replaced them).
        let again = try runCLI(["build", "--profiles-dir", "."], in: project)
        XCTAssertEqual(again.code, 0, again.stdout + again.stderr)
        try connection.execute("refresh table `\(schema)`.`people_summary`")
        XCTAssertEqual(try connection.query("select people from `\(schema)`.`people_summary`", limit: nil).rows, [[.integer(2)]])
    }

    func testAFailingModelReportsSparksMessageAndKeepsTheOldTable() throws {
        let server = try requireSpark()
        let project = try project(server)
        XCTAssertEqual(try runCLI(["build", "--profiles-dir", "."], in: project).code, 0)
        try "{{ config(materialized='table') }}\nselect no_such_column from {{ ref('active_people') }}\n"
            .write(toFile: project + "/models/people_summary.sql", atomically: true, encoding: .utf8)
        let run = try runCLI(["run", "--profiles-dir", "."], in: project)
        XCTAssertEqual(run.code, 1, run.stdout + run.stderr)
        XCTAssert(run.stdout.contains("[UNRESOLVED_COLUMN.WITH_SUGGESTION]"), run.stdout)
        let connection = try sparkConnection()
        XCTAssertEqual(try connection.query("select people from `\(schema)`.`people_summary`", limit: nil).rows, [[.integer(2)]])
    }

    /// A zoned timestamp reaches a macro as dbt-spark hands it over: a naive datetime, the wall clock of the process's
    /// time zone (TZ), not the session's (scripts/record-spark-timestamps.py); a timestamp_ntz as written.
    func testZonedTimestampsReachMacrosInTheLocalTimeZone() throws {
        let project = try project(try requireSpark())
        let run = try runCLI(["run-operation", "log_timestamps", "--profiles-dir", "."], in: project, environment: ["TZ": "Asia/Tokyo"])
        XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
        let logged = run.stdout.split(separator: "\n").compactMap { line in
            line.range(of: "(zoned|summer|plain): ", options: .regularExpression).map { String(line[$0.lowerBound...]) }
        }
        XCTAssertEqual(logged, ["zoned: 2024-03-10 15:30:00 (tzinfo None)", "summer: 2024-07-02 12:59:59.123456 (tzinfo None)",
                                "plain: 2024-03-10 01:30:00 (tzinfo None)"])
    }

    /// A view is one `create or replace view` call, as under dbt-spark: the core's Swift fast path built Spark
    /// views in four (a `__dbt_tmp` view, `describe table`, drop, rename), which made a view take 2–3 times as
    /// long on the server (issue 18, BENCHMARKS.md). `SWIFTDBT_TIMINGS` lists each Spark Connect call.
    func testAViewIsOneStatementAndEachCallIsTraced() throws {
        let server = try requireSpark()
        let project = try project(server)
        XCTAssertEqual(try runCLI(["build", "--profiles-dir", "."], in: project).code, 0)
        let run = try runCLI(["run", "--profiles-dir", ".", "--select", "active_people"], in: project,
                             environment: ["SWIFTDBT_TIMINGS": "1"])
        XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
        let calls = run.stderr.split(separator: "\n").filter { $0.hasPrefix("[spark] ") }
        XCTAssert(calls.allSatisfy { $0.contains(" ms, end ") }, run.stderr)
        XCTAssertEqual(calls.filter { $0.contains("active_people") }.map { $0.prefix(while: { $0 != ":" }) },
                       ["[spark] ExecutePlan create or replace view `\(schema)`.`active_people` as"], run.stderr)
    }
}
