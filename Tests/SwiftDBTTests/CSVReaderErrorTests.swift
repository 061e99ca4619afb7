import SwiftDBT
import XCTest

final class CSVReaderErrorTests: XCTestCase {
    func testRaggedRows() {
        assertCSVError(try readAllRows("ragged_short.csv"), "row has 3 fields, the header has 4", line: 3, column: 1)
        // Too many fields: the column of the first extra one.
        assertCSVError(try readAllRows("ragged_long.csv"), "row has 4 fields, the header has 3", line: 4, column: 7)
    }

    func testQuoteInsideUnquotedField() {
        assertCSVError(try readAllRows("quote_in_unquoted.csv"),
                       "a quote inside an unquoted field (quote the whole field and double the quotes inside it)",
                       line: 2, column: 5)
    }

    func testTextAfterClosingQuote() {
        assertCSVError(try readAllRows("text_after_quote.csv"), "text after the closing quote of a quoted field",
                       line: 3, column: 4)
    }

    func testUnterminatedQuotedFieldPointsAtItsOpeningQuote() {
        assertCSVError(try readAllRows("unterminated.csv"), "a quoted field is not closed before the end of the file",
                       line: 3, column: 3)
    }

    func testEmptyFiles() {
        let message = "the file is empty: a seed needs a header row naming its columns"
        assertCSVError(try readAllRows("empty.csv"), message, line: 1, column: 1)
        assertCSVError(try readAllRows("blank_only.csv"), message, line: 1, column: 1)
    }

    func testHeaderNames() {
        assertCSVError(try readAllRows("empty_column_name.csv"), "column 2 of the header has no name", line: 1, column: 4)
        assertCSVError(try readAllRows("duplicate_column.csv"),
                       "column name 'id' appears twice in the header (columns 1 and 3)", line: 1, column: 9)
    }

    func testInvalidUTF8() {
        assertCSVError(try readAllRows("invalid_utf8.csv"), "field 2 is not valid UTF-8", line: 3, column: 3)
    }

    func testMissingFile() {
        XCTAssertThrowsError(try CSVReader(path: csvFixture("no-such-file.csv"))) { error in
            XCTAssertTrue("\(error)".contains("cannot open"), "\(error)")
            XCTAssertEqual((error as? DBTError)?.exitCode, 2)
        }
    }

    func testErrorsPrintPathLineAndColumn() {
        XCTAssertThrowsError(try readAllRows("ragged_short.csv")) { error in
            XCTAssertEqual("\(error)", "\(csvFixture("ragged_short.csv")):3:1: row has 3 fields, the header has 4")
        }
    }
}
