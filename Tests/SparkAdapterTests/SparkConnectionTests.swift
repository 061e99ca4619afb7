import Foundation
import TestSupport
import XCTest
@testable import SparkAdapter
@testable import SwiftDBT

/// A connection to a real Spark Connect server: rows of Spark's types, Spark's errors as run errors,
/// an interrupted statement, a server that is not there.
final class SparkConnectionTests: XCTestCase {
    func testQueryReturnsSparkTypesAsDatabaseValues() throws {
        let connection = try sparkConnection()
        let result = try connection.query("""
            select cast(7 as tinyint) as t, cast(-300 as smallint) as s, 70000 as i, cast(-9000000000 as bigint) as b,
                   cast(1.5 as float) as f, 2.25d as d, cast(-12.345 as decimal(10, 3)) as n, true as yes, 'O\\'Brien' as text,
                   cast('ab' as binary) as bytes, date'2024-02-29' as day, timestamp_ntz'1969-12-31 23:59:59.5' as moment,
                   cast(null as int) as nothing
            """, limit: nil)
        XCTAssertEqual(result.columns, ["t", "s", "i", "b", "f", "d", "n", "yes", "text", "bytes", "day", "moment", "nothing"])
        XCTAssertEqual(result.rows, [[.integer(7), .integer(-300), .integer(70000), .integer(-9_000_000_000), .real(1.5), .real(2.25),
                                      .real(-12.345), .bool(true), .text("O'Brien"), .blob([0x61, 0x62]), .text("2024-02-29"),
                                      .text("1969-12-31 23:59:59.5"), .null]])
        XCTAssertEqual(result.temporal[10], .date)
        XCTAssertEqual(result.temporal[11], .timestamp)
    }

    func testRowsOfSeveralBatchesAndLimits() throws {
        let connection = try sparkConnection()
        let all = try connection.query("select id from range(0, 5000, 1, 4) order by id", limit: nil)
        XCTAssertEqual(all.rows.count, 5000)
        XCTAssertEqual(all.rows.last, [.integer(4999)])
        XCTAssertEqual(try connection.query("select id from range(10) order by id", limit: 3).rows, [[.integer(0)], [.integer(1)], [.integer(2)]])
    }

    func testSchemasTablesAndViewsAreListedAndDescribed() throws {
        let connection = try sparkConnection()
        let schema = "t_" + UUID().uuidString.prefix(8).lowercased()
        defer { try? connection.dropSchema(schema) }
        try connection.createSchema(schema)
        try connection.execute("create table `\(schema)`.`numbers` (n bigint, label string) using parquet; "
                               + "create view `\(schema)`.`evens` as select n from `\(schema)`.`numbers` where n % 2 = 0")
        XCTAssert(try connection.listSchemas().contains(schema))
        XCTAssertEqual(try connection.relations(inSchemas: [schema, "no_such_schema_here"]),
                       [RelationName(database: nil, schema: schema, identifier: "numbers"): .table,
                        RelationName(database: nil, schema: schema, identifier: "evens"): .view])
        // The listing for catalogs `show table extended` cannot list finds the same.
        let plain = try XCTUnwrap(connection as? SparkDatabase).plainListing(of: schema)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: plain.map { ($0.name, $0.kind) }), ["numbers": .table, "evens": .view])
        XCTAssertEqual(try connection.columns(of: RelationName(database: nil, schema: schema, identifier: "numbers")),
                       [DatabaseColumn(name: "n", type: "bigint"), DatabaseColumn(name: "label", type: "string")])
        let inserter = try connection.prepareInsert(into: RelationName(database: nil, schema: schema, identifier: "numbers"), columns: ["n", "label"])
        try inserter.insert([.integer(2), .text("it's \\ two")])
        try inserter.insert([.text("4"), .null])
        try inserter.finish()
        XCTAssertEqual(try connection.query("select * from `\(schema)`.`evens` order by n", limit: nil).rows, [[.integer(2)], [.integer(4)]])
        XCTAssertEqual(try connection.query("select label from `\(schema)`.`numbers` where n = 2", limit: nil).rows, [[.text("it's \\ two")]])
    }

    /// Issue 18: with --threads > 1, a table one connection rebuilt (built under another name, the old one dropped, the
    /// new renamed in) and another connection had read before was read from its old files, which were gone
    /// (`FAILED_READ_FILE.FILE_NOT_EXIST`): Spark keeps a table's files per session. The connections of a process share
    /// one session, as dbt-spark's threads do.
    func testATableRebuiltByOneConnectionIsReadAfreshByAnother() throws {
        let builder = try sparkConnection()
        let reader = try sparkConnection()
        let schema = "t_" + UUID().uuidString.prefix(8).lowercased()
        defer { try? builder.dropSchema(schema) }
        try builder.createSchema(schema)
        try builder.execute("create table `\(schema)`.`rebuilt` using parquet as select 1 as version")
        XCTAssertEqual(try reader.query("select version from `\(schema)`.`rebuilt`", limit: nil).rows, [[.integer(1)]])
        try builder.execute("create table `\(schema)`.`rebuilt__dbt_tmp` using parquet as select 2 as version; "
                            + "drop table if exists `\(schema)`.`rebuilt`; "
                            + "alter table `\(schema)`.`rebuilt__dbt_tmp` rename to `\(schema)`.`rebuilt`")
        XCTAssertEqual(try reader.query("select version from `\(schema)`.`rebuilt`", limit: nil).rows, [[.integer(2)]])
    }

    func testSparkErrorsBecomeRunErrorsWithTheirClass() throws {
        let connection = try sparkConnection()
        XCTAssertThrowsError(try connection.query("select * from no_such_table_anywhere", limit: nil)) { error in
            let error = error as? DBTError
            XCTAssertEqual(error?.kind, .execution)
            XCTAssert(error?.message.hasPrefix("[TABLE_OR_VIEW_NOT_FOUND] ") == true, error?.message ?? "")
            XCTAssert(error?.message.contains("SQLSTATE: 42P01") == true, error?.message ?? "")
        }
        XCTAssertThrowsError(try connection.execute("selec 1")) { error in
            XCTAssert((error as? DBTError)?.message.hasPrefix("[PARSE_SYNTAX_ERROR] ") == true, "\(error)")
        }
    }

    func testInterruptStopsTheStatementInFlight() throws {
        let connection = try sparkConnection()
        let started = Date()
        // `interrupt()` is the one method another thread may call (as the runner's Ctrl-C handler does).
        nonisolated(unsafe) let interruptible = connection
        DispatchQueue.global().asyncAfter(deadline: .now() + 2) { interruptible.interrupt() }
        XCTAssertThrowsError(try connection.query("select count(*) from range(0, 100000000000, 1, 2) a", limit: nil)) { error in
            XCTAssertEqual((error as? DBTError)?.kind, .execution)
            XCTAssert("\(error)".contains("OPERATION_CANCELED") || "\(error)".lowercased().contains("cancel"), "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 60)
        XCTAssertEqual(try connection.query("select 1", limit: nil).rows, [[.integer(1)]])
    }

    func testAnUnreachableServerIsAConnectionError() throws {
        _ = try requireSpark()
        XCTAssertThrowsError(try SparkAdapterFactory().connect(sparkTarget(host: "127.0.0.1", port: "1",
                                                                           extra: [("token", .string("sekrit-token"))]), projectRoot: "/")) { error in
            let error = error as? DBTError
            XCTAssertEqual(error?.kind, .connection)
            XCTAssert(error?.message.hasPrefix("cannot connect to target 'spark' at 127.0.0.1:1: ") == true, error?.message ?? "")
            XCTAssertFalse(error?.message.contains("sekrit-token") ?? true)
        }
    }
}
