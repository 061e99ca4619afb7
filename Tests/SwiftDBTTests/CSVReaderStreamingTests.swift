import Foundation
import SwiftDBT
import XCTest

final class CSVReaderStreamingTests: XCTestCase {
    private static let rowCount = 200_000

    /// Writes a CSV of `rowCount` rows of 8 columns (~40 MB) to a temp file, in slices.
    private func makeLargeFile() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-large-\(UUID().uuidString).csv")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.write(contentsOf: Data("id,name,amount,qty,flag,day,code,note\n".utf8))
        let padding = String(repeating: "x", count: 120)
        for start in stride(from: 0, to: Self.rowCount, by: 10_000) {
            var slice = ""
            for id in start..<start + 10_000 {
                slice += "\(id),\"name \(id % 97)\",\(id % 1000).25,\(id % 50),\(id % 2 == 0),2024-01-\(10 + id % 20),C\(id),\(padding)\n"
            }
            try handle.write(contentsOf: Data(slice.utf8))
        }
        return url
    }

    /// Rows per second for `rowCount` rows read since `start`.
    private func rate(since start: ContinuousClock.Instant) -> Int {
        let elapsed = (ContinuousClock.now - start).components
        return Int(Double(Self.rowCount) / (Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18))
    }

    /// Resident memory in bytes, from /proc; nil where there is none.
    private func residentBytes() -> Int? {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    func testMemoryDoesNotGrowWithTheFile() throws {
        let url = try makeLargeFile()
        let fileSize = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        let before = residentBytes()
        let start = ContinuousClock.now
        let reader = try CSVReader(path: url.path)
        var rows = 0
        var lastID = ""
        while let row = try reader.nextRow() {
            rows += 1
            if rows % 50_000 == 0 { lastID = row[0] ?? "" }
        }
        print("parsed \(rows) rows (\(fileSize / 1_000_000) MB) at \(rate(since: start)) rows/s")
        XCTAssertEqual(rows, Self.rowCount)
        XCTAssertEqual(lastID, "199999")
        if let before, let after = residentBytes() {
            print("resident memory grew by \((after - before) / 1024) KiB")
            // A reader that kept rows would grow by more than the file's size; this one keeps one 64 KiB chunk
            // and one record.
            XCTAssertLessThan(after - before, 8 << 20, "resident memory grew by \(after - before) bytes")
            XCTAssertGreaterThan(fileSize, 32 << 20)
        }
    }

    func testInferenceAndLoadingStreamToo() throws {
        let url = try makeLargeFile()
        let seed = SeedFile(path: url.path)
        let before = residentBytes()
        var start = ContinuousClock.now
        let columns = try seed.inferColumns()
        print("inferred types of \(Self.rowCount) rows at \(rate(since: start)) rows/s")
        XCTAssertEqual(columns.map(\.type), [.integer, .text, .number, .integer, .boolean, .date, .text, .text])
        var rows = 0
        var amountSum = 0.0
        start = ContinuousClock.now
        try seed.forEachRow(columns: columns) { values, _ in
            rows += 1
            if case .real(let amount) = values[2] { amountSum += amount }
        }
        print("converted \(Self.rowCount) rows at \(rate(since: start)) rows/s")
        XCTAssertEqual(rows, Self.rowCount)
        XCTAssertEqual(amountSum, Double((0..<Self.rowCount).reduce(0) { $0 + $1 % 1000 }) + 0.25 * Double(Self.rowCount))
        if let before, let after = residentBytes() {
            XCTAssertLessThan(after - before, 8 << 20, "resident memory grew by \(after - before) bytes")
        }
    }
}
