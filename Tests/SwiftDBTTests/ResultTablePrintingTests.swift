import Foundation
import XCTest
@testable import SwiftDBT

/// `print_table()` of a statement's result prints what agate prints for the same rows (recorded by
/// scripts/record-runtime-reference.py into Tests/Fixtures/reference/print-table.json).
final class ResultTablePrintingTests: XCTestCase {
    private struct Case: Decodable {
        let columns: [String]
        let rows: [[JSONCell]]
        let limits: [String: Int]
        let lines: [String]
    }

    /// A cell of a recorded row: a number, a string or null.
    private enum JSONCell: Decodable {
        case value(DatabaseValue)
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .value(.null) }
            else if let integer = try? container.decode(Int64.self) { self = .value(.integer(integer)) }
            else if let real = try? container.decode(Double.self) { self = .value(.real(real)) }
            else { self = .value(.text(try container.decode(String.self))) }
        }
        var databaseValue: DatabaseValue { if case .value(let value) = self { return value } else { return .null } }
    }

    func testPrintTableMatchesAgate() throws {
        let file = fixturesFolder.appendingPathComponent("reference/print-table.json")
        let cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: file))
        XCTAssertEqual(cases.count, 7)
        for item in cases {
            let table = ResultTable(QueryResult(columns: item.columns, rows: item.rows.map { $0.map(\.databaseValue) }), log: { _ in })
            XCTAssertEqual(table.printedLines(maxRows: item.limits["max_rows"] ?? 20, maxColumns: item.limits["max_columns"] ?? 6,
                                              maxColumnWidth: 20), item.lines)
        }
    }
}
