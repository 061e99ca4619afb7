@testable import SwiftDBT
import XCTest

/// Reads every fixture with chunks of 3 to 12 bytes, so that chunk boundaries fall inside quotes, doubled
/// quotes, CRLF pairs, the byte order mark's neighbourhood and multi-byte characters, and expects exactly
/// what the 64 KiB chunks give.
final class CSVChunkBoundaryTests: XCTestCase {
    /// A fixture's header and rows, or its error, as comparable text.
    private func outcome(_ name: String, delimiter: String, chunkSize: Int) -> String {
        do {
            let reader = try CSVReader(path: csvFixture(name), delimiter: delimiter, chunkSize: chunkSize)
            var lines = ["\(reader.header)"]
            while let row = try reader.nextRow() {
                lines.append("\(row.line): \(row.fields) at \((0..<row.count).map(row.column(of:)))")
            }
            return lines.joined(separator: "\n")
        } catch {
            return "\(error)"
        }
    }

    func testChunkBoundariesChangeNothing() throws {
        let folder = URL(fileURLWithPath: csvFixture(""))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }
        XCTAssertGreaterThan(names.count, 20)
        for name in names.sorted() {
            let delimiter = name == "semicolon.csv" ? ";" : name == "pipe.csv" ? "|" : ","
            let expected = outcome(name, delimiter: delimiter, chunkSize: CSVChunkedFile.defaultChunkSize)
            for chunkSize in 3...12 {
                XCTAssertEqual(outcome(name, delimiter: delimiter, chunkSize: chunkSize), expected, "\(name), \(chunkSize)-byte chunks")
            }
        }
    }
}
