import Foundation
import SwiftDBT
import XCTest

/// The path of `Fixtures/csv/<name>`.
func csvFixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/csv/\(name)").path
}

/// Every row of a fixture, as (line, fields).
func readAllRows(_ name: String, delimiter: String = ",") throws -> (header: [String], rows: [(Int, [String?])]) {
    let reader = try CSVReader(path: csvFixture(name), delimiter: delimiter)
    var rows: [(Int, [String?])] = []
    while let row = try reader.nextRow() {
        rows.append((row.line, row.fields))
    }
    return (reader.header, rows)
}

/// Asserts that `body` throws a `DBTError` of kind `.project` with `message` at `line` and `column`.
func assertCSVError(_ body: @autoclosure () throws -> Any, _ message: String, line: Int, column: Int,
                    file: StaticString = #filePath, testLine: UInt = #line) {
    XCTAssertThrowsError(try body(), file: file, line: testLine) { error in
        guard let error = error as? DBTError else { return XCTFail("not a DBTError: \(error)", file: file, line: testLine) }
        XCTAssertEqual(error.kind, .project, file: file, line: testLine)
        XCTAssertEqual(error.message, message, file: file, line: testLine)
        XCTAssertEqual(error.location?.line, line, "line", file: file, line: testLine)
        XCTAssertEqual(error.location?.column, column, "column", file: file, line: testLine)
    }
}
