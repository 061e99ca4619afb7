import XCTest
@testable import SQLiteAdapter
@testable import SwiftDBT

/// A schema's database file is `<schema>.db`; names that could leave the schema folder are refused.
final class SQLiteSchemaFileTests: XCTestCase {
    func testPlainAndOddNamesAreUsedAsTheyAre() throws {
        XCTAssertEqual(try SQLiteSchemaFile.name(for: "main_staging"), "main_staging.db")
        XCTAssertEqual(try SQLiteSchemaFile.name(for: "q.t2 as select 1; drop table x"), "q.t2 as select 1; drop table x.db")
        XCTAssertEqual(try SQLiteSchemaFile.name(for: "s\"q`[x] é"), "s\"q`[x] é.db")
        XCTAssertEqual(try SQLiteSchemaFile.name(for: "a..b"), "a..b.db")
    }

    func testNamesThatAreNotAPlainFileAreRefused() {
        let cases: [(String, String)] = [
            ("", "it is empty"), (".", "it starts with '.'"), ("..", "it starts with '.'"), ("../x", "it starts with '.'"),
            (".hidden", "it starts with '.'"), ("a/b", "it contains a path separator"), ("/etc/x", "it contains a path separator"),
            ("a\\b", "it contains a path separator"), ("a\u{0}b", "it contains a control character"),
            ("a\nb", "it contains a control character"), ("a\u{7F}", "it contains a control character"),
            (String(repeating: "é", count: 127), "it is longer than a file name may be"),
        ]
        for (schema, problem) in cases {
            XCTAssertThrowsError(try SQLiteSchemaFile.name(for: schema), schema) { error in
                let error = error as? DBTError
                XCTAssertEqual(error?.kind, .project, schema)
                XCTAssertEqual(error?.message.hasPrefix("schema \(JSONWriter.string(.string(schema))) cannot be a SQLite schema: \(problem) ("), true,
                               error?.message ?? schema)
            }
        }
        XCTAssertEqual(try SQLiteSchemaFile.name(for: String(repeating: "é", count: 126)).utf8.count, 255)
    }
}
