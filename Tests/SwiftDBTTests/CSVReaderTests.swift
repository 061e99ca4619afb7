import SwiftDBT
import XCTest

final class CSVReaderTests: XCTestCase {
    private func assertRows(_ name: String, delimiter: String = ",", header: [String], rows expected: [(Int, [String?])],
                            file: StaticString = #filePath, line: UInt = #line) throws {
        let (actualHeader, rows) = try readAllRows(name, delimiter: delimiter)
        XCTAssertEqual(actualHeader, header, file: file, line: line)
        XCTAssertEqual(rows.map(\.0), expected.map(\.0), "line numbers", file: file, line: line)
        XCTAssertEqual(rows.map(\.1), expected.map(\.1), file: file, line: line)
    }

    func testQuotedFieldsKeepDelimitersQuotesAndLineBreaks() throws {
        try assertRows("quoted.csv", header: ["id", "name", "note"], rows: [
            (2, ["1", "Smith, John", #"said "hi""#]),
            (3, ["2", "two\nlines", "cr\r\nlf"]),
            // Quoted empty and unquoted empty are both NULL, as dbt loads them.
            (6, ["3", nil, nil]),
            (7, ["4", " spaced ", "a,b,c"]),
        ])
    }

    func testCRLFAndCRLineEndings() throws {
        try assertRows("crlf.csv", header: ["a", "b"], rows: [(2, ["1", "2"]), (3, ["3", "4"])])
        try assertRows("cr_only.csv", header: ["a", "b"], rows: [(2, ["1", "2"]), (3, ["3", "4"])])
    }

    func testByteOrderMarkIsStripped() throws {
        try assertRows("bom.csv", header: ["id", "name"], rows: [(2, ["1", "Ada"])])
    }

    func testOtherDelimiters() throws {
        try assertRows("semicolon.csv", delimiter: ";", header: ["id", "amount", "label"], rows: [
            (2, ["1", "1,5", "x;y"]),
            (3, ["2", "2,5", "z"]),
        ])
        try assertRows("pipe.csv", delimiter: "|", header: ["id", "name"], rows: [(2, ["1", "a|b"]), (3, ["2", "c"])])
    }

    func testBlankLinesAreSkippedAndLinesStillCounted() throws {
        try assertRows("blank_lines.csv", header: ["id", "name"], rows: [(4, ["1", "a"]), (7, ["2", "b"])])
    }

    func testLastRecordWithoutLineBreak() throws {
        try assertRows("no_final_newline.csv", header: ["id", "name"], rows: [(2, ["1", "a"]), (3, ["2", "b"])])
    }

    func testRowsReportTheLineTheyStartOn() throws {
        try assertRows("line_numbers.csv", header: ["id", "text"], rows: [
            (2, ["1", "first\nsecond\nthird"]),
            (5, ["2", "after"]),
            (6, ["3", "x\r\ny"]),
            (8, ["4", "last"]),
        ])
    }

    func testUnicodeText() throws {
        try assertRows("unicode.csv", header: ["city", "name"], rows: [
            (2, ["Tōkyō", "東京"]),
            (3, ["Zürich", #"Café "Ñ""#]),
        ])
    }

    func testFieldColumns() throws {
        let reader = try CSVReader(path: csvFixture("quoted.csv"))
        let row = try XCTUnwrap(reader.nextRow())
        XCTAssertEqual(row.count, 3)
        XCTAssertEqual((0..<row.count).map(row.column(of:)), [1, 3, 17])
    }

    func testDelimiterMustBeOneASCIICharacter() {
        for delimiter in ["", ";;", "\"", "\n", "§"] {
            XCTAssertThrowsError(try CSVReader(path: csvFixture("pipe.csv"), delimiter: delimiter), delimiter)
        }
    }
}
