import XCTest
@testable import SparkAdapter
@testable import SwiftDBT

/// What the adapter writes and reads without a server: statements split for one-per-call, literals and
/// identifiers quoted as Spark reads them, profiles and `SPARK_REMOTE` read as dbt-spark reads them.
final class SparkTextTests: XCTestCase {
    func testStatementsSplitOutsideLiteralsIdentifiersAndComments() {
        XCTAssertEqual(SparkStatements.split("select 1; select ';' as `a;b`, \"x;\" -- c;\n; /* d; */ select 'it\\'s;'"),
                       ["select 1", "select ';' as `a;b`, \"x;\" -- c;", "/* d; */ select 'it\\'s;'"])
        XCTAssertEqual(SparkStatements.split("  ;\n-- only a comment;\n"), [])
        XCTAssertEqual(SparkStatements.split("create table t as select 1"), ["create table t as select 1"])
    }

    func testLiteralsAndIdentifiersEscapeWhatSparkReadsSpecially() {
        let dialect = SparkDialect()
        XCTAssertEqual(dialect.literal("O'Brien \\ end"), "'O\\'Brien \\\\ end'")
        XCTAssertEqual(dialect.quote("we`ird"), "`we``ird`")
        XCTAssertEqual(dialect.render(RelationName(database: "ignored", schema: "s", identifier: "t")), "`s`.`t`")
    }

    func testProfilesAndSparkRemoteGiveTheEndpoint() throws {
        func target(_ fields: [(String, ConfigValue)]) -> Target {
            Target(name: "dev", profileName: "p", type: "spark", schema: "s", database: "", threads: 1, fields: fields)
        }
        XCTAssertEqual(try SparkEndpoint(target: target([("host", .string("h"))])), SparkEndpoint(host: "h", port: 15002))
        XCTAssertEqual(try SparkEndpoint(target: target([("host", .string("h")), ("port", .int(443)), ("token", .string("t")),
                                                          ("use_ssl", .bool(true))])),
                       SparkEndpoint(host: "h", port: 443, token: "t", useSSL: true))
        XCTAssertEqual(try SparkEndpoint(target: target([("method", .string("session"))]), environment: ["SPARK_REMOTE": "sc://10.0.0.5:15003"]),
                       SparkEndpoint(host: "10.0.0.5", port: 15003))
        XCTAssertEqual(try SparkEndpoint(remote: "sc://example.com/;token=abc"), SparkEndpoint(host: "example.com", port: 15002, token: "abc", useSSL: true))
        XCTAssertThrowsError(try SparkEndpoint(target: target([]))) { error in
            XCTAssertEqual((error as? DBTError)?.message, "target 'dev' (type spark, method connect) needs a `host`")
        }
        XCTAssertThrowsError(try SparkEndpoint(target: target([("method", .string("session"))]), environment: [:])) { error in
            XCTAssertEqual((error as? DBTError)?.kind, .project)
        }
        XCTAssertThrowsError(try SparkEndpoint(target: target([("method", .string("thrift")), ("host", .string("h"))]))) { error in
            XCTAssertEqual((error as? DBTError)?.message, "target 'dev': Spark method 'thrift' is not supported (use connect or session)")
        }
    }

    func testDatesAndTimestampsAreWrittenExactly() {
        XCTAssertEqual(SparkTemporalText.date(0), "1970-01-01")
        XCTAssertEqual(SparkTemporalText.date(19782), "2024-02-29")
        XCTAssertEqual(SparkTemporalText.date(-1), "1969-12-31")
        XCTAssertEqual(SparkTemporalText.timestamp(-1, perSecond: 1_000_000), "1969-12-31 23:59:59.999999")
        XCTAssertEqual(SparkTemporalText.timestamp(1_709_164_800_500_000, perSecond: 1_000_000), "2024-02-29 00:00:00.5")
    }

    /// Zoned timestamps (instants) as the wall clock of the process's zone, as dbt-spark's macros get them
    /// (scripts/record-spark-timestamps.py: 2024-03-10 06:30Z and 2024-07-02 03:59:59.123456Z under TZ=Asia/Tokyo).
    func testZonedTimestampsAreWrittenInTheGivenZone() throws {
        let tokyo = try XCTUnwrap(TimeZone(identifier: "Asia/Tokyo"))
        XCTAssertEqual(SparkTemporalText.timestamp(1_710_052_200_000_000, perSecond: 1_000_000, in: tokyo), "2024-03-10 15:30:00")
        XCTAssertEqual(SparkTemporalText.timestamp(1_719_892_799_123_456, perSecond: 1_000_000, in: tokyo), "2024-07-02 12:59:59.123456")
        let newYork = try XCTUnwrap(TimeZone(identifier: "America/New_York"))
        XCTAssertEqual(SparkTemporalText.timestamp(1_710_052_200_000_000, perSecond: 1_000_000, in: newYork), "2024-03-10 01:30:00")
        XCTAssertEqual(SparkTemporalText.timestamp(1_719_892_799_123_456, perSecond: 1_000_000, in: newYork), "2024-07-01 23:59:59.123456")
    }

    /// `show table extended`'s `information` text (as Spark 4.3 writes it) names a view's type on a line of its own.
    func testRelationKindComesFromTheInformationText() {
        XCTAssertEqual(SparkDatabase.kind(information: "Catalog: spark_catalog\nDatabase: s\nTable: v1\nType: VIEW\nView Text: select 1 as a\n"), .view)
        XCTAssertEqual(SparkDatabase.kind(information: "Catalog: spark_catalog\nDatabase: s\nTable: t1\nType: MANAGED\nProvider: parquet\n"), .table)
        XCTAssertEqual(SparkDatabase.kind(information: "Table: t\nType: EXTERNAL\nComment: not a Type: VIEW\n"), .table)
    }
}
