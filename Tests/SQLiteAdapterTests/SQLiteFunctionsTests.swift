import Foundation
import XCTest
@testable import SQLiteAdapter
@testable import SwiftDBT

/// `md5` and `split_part` exist on swiftdbt's SQLite connections, with PostgreSQL's results.
final class SQLiteFunctionsTests: XCTestCase {
    func testMD5AndSplitPartMatchPostgres() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-fn-\(UUID().uuidString)").path
        let target = Target(name: "t", profileName: "p", type: "sqlite", schema: "main", database: "main", threads: 1,
                            fields: [("path", .string(folder + "/db.sqlite"))])
        let connection = try SQLiteAdapterFactory().connect(target, projectRoot: folder)
        let row = try connection.query("""
            select md5('abc'), md5(null), split_part('a-b-c', '-', 2), split_part('a-b-c', '-', -1),
                   split_part('a-b', '-', 5), split_part('abc', '', 1)
            """, limit: 1).rows.first
        XCTAssertEqual(row, [.text("900150983cd24fb0d6963f7d28e17f72"), .null, .text("b"), .text("c"), .text(""), .text("abc")])
    }
}
