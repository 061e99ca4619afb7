import Foundation
import XCTest
@testable import SQLiteAdapter
@testable import SwiftDBT

/// `md5`, `split_part` and `regexp` exist on swiftdbt's SQLite connections, with PostgreSQL's results.
final class SQLiteFunctionsTests: XCTestCase {
    private func connect() throws -> any DatabaseConnection {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-fn-\(UUID().uuidString)").path
        let target = Target(name: "t", profileName: "p", type: "sqlite", schema: "main", database: "main", threads: 1,
                            fields: [("path", .string(folder + "/db.sqlite"))])
        return try SQLiteAdapterFactory().connect(target, projectRoot: folder)
    }

    func testMD5AndSplitPartMatchPostgres() throws {
        let connection = try connect()
        let row = try connection.query("""
            select md5('abc'), md5(null), split_part('a-b-c', '-', 2), split_part('a-b-c', '-', -1),
                   split_part('a-b', '-', 5), split_part('abc', '', 1)
            """, limit: 1).rows.first
        XCTAssertEqual(row, [.text("900150983cd24fb0d6963f7d28e17f72"), .null, .text("b"), .text("c"), .text(""), .text("abc")])
    }

    func testRegexpMatchesAnywhereLikePostgresTilde() throws {
        let connection = try connect()
        let row = try connection.query("""
            select 'saw a google ad' regexp '(google|bing) ads?', 'google search' regexp '(google|bing) ads?',
                   'GOOGLE AD' regexp 'google', 'abc' regexp '^b', null regexp 'a', 'a' regexp null
            """, limit: 1).rows.first
        XCTAssertEqual(row, [.integer(1), .integer(0), .integer(0), .integer(0), .null, .null])
    }

    func testRegexpPatternsFromAColumnAndABadPattern() throws {
        let connection = try connect()
        let rows = try connection.query("""
            with patterns(p) as (values ('^a'), ('b$'), ('^a')) select 'ab' regexp p from patterns
            """, limit: nil).rows
        XCTAssertEqual(rows, [[.integer(1)], [.integer(1)], [.integer(1)]])
        XCTAssertThrowsError(try connection.query("select 'a' regexp '('", limit: 1)) { error in
            XCTAssertTrue(String(describing: error).contains("invalid regular expression: ("), "\(error)")
        }
    }
}
