@testable import SwiftDBT
import Foundation
import XCTest

/// Type inference over a file read in parts must give what one pass gives: the same types, the same
/// error at the same line and column, wherever the cuts fall (inside quoted fields, CRLF pairs or blank
/// lines included).
final class PartitionedSeedInferenceTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-parts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: folder)
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The columns or the error, as comparable text.
    private func outcome(_ body: () throws -> [SeedColumn]) -> String {
        do {
            return try body().map { "\($0.name): \($0.type)" }.joined(separator: ", ")
        } catch {
            return "\(error)"
        }
    }

    /// The outcome of reading `seed` in parts from `cuts` after the header.
    private func outcome(_ seed: SeedFile, extraCuts cuts: [Int], chunkSize: Int) -> String {
        outcome {
            let reader = try CSVReader(path: seed.path, delimiter: seed.delimiter)
            let inference = PartitionedSeedInference(file: seed, chunkSize: chunkSize)
            return try inference.columns(header: reader.header, cuts: [reader.offset] + cuts, firstLine: reader.line)
        }
    }

    private func singlePass(_ seed: SeedFile) -> String {
        outcome { try PartitionedSeedInference(file: seed, parts: 1).columns() }
    }

    /// Every fixture with a readable header, cut once at every byte after the header, then at every pair of
    /// bytes, read in chunks that are tiny or not.
    func testAnyCutsGiveTheSinglePassResult() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: csvFixture("")).filter { $0.hasSuffix(".csv") }
        var checkedCuts = 0
        for name in names.sorted() {
            let delimiter = name == "semicolon.csv" ? ";" : name == "pipe.csv" ? "|" : ","
            let seed = SeedFile(path: csvFixture(name), delimiter: delimiter,
                                columnTypes: name == "column_types.csv" ? ["zip": "varchar(5)"] : [:])
            guard let reader = try? CSVReader(path: seed.path, delimiter: delimiter) else { continue }
            let expected = singlePass(seed)
            let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: seed.path)[.size] as? Int)
            let offsets = Array((reader.offset + 1)..<max(reader.offset + 1, size))
            for chunkSize in [4, CSVChunkedFile.defaultChunkSize] {
                for cut in offsets {
                    XCTAssertEqual(outcome(seed, extraCuts: [cut], chunkSize: chunkSize), expected, "\(name) cut at \(cut)")
                    checkedCuts += 1
                }
            }
            for first in offsets where first % 3 == 0 {
                for second in offsets where second > first && second % 2 == 0 {
                    XCTAssertEqual(outcome(seed, extraCuts: [first, second], chunkSize: 5), expected,
                                   "\(name) cut at \(first) and \(second)")
                }
            }
        }
        XCTAssertGreaterThan(checkedCuts, 1500)
    }

    /// A file whose quoted fields span lines all around its middle, with rows that only widen the types
    /// in the second half.
    private func tricky(rows: Int, lastRows: String) -> String {
        var text = "id,amount,note,day,flag\n"
        for row in 1...rows {
            let note = row % 3 == 0 ? "\"line one\nline \"\"two\"\",\n\"" : row % 3 == 1 ? "\"\"" : "plain"
            text += "\(row),\(row * 7),\(note),2024-01-\(10 + row % 20),\(row % 2 == 0 ? "true" : "")\n"
        }
        return text + lastRows
    }

    func testTypesWidenedOnlyInTheSecondHalf() throws {
        let path = try write("widen.csv", tricky(rows: 3000, lastRows: "3001,12.5,x,2024-01-10 08:00:00,false\n"))
        let seed = SeedFile(path: path)
        let cuts = try CSVSplitPoints.find(in: path, targets: [40_000, 60_000], chunkSize: 4096)
        XCTAssertEqual(cuts.count, 2, "the file must really be cut for this test to mean anything")
        let parted = outcome { try PartitionedSeedInference(file: seed, parts: 3, minimumPartSize: 10_000).columns() }
        XCTAssertEqual(parted, "id: integer, amount: number, note: text, day: text, flag: boolean")
        XCTAssertEqual(parted, singlePass(seed))
    }

    /// The cuts start records: every line after one is a row, never inside a quoted field.
    func testCutsStartRecords() throws {
        let text = tricky(rows: 3000, lastRows: "")
        let path = try write("cuts.csv", text)
        let bytes = Array(text.utf8)
        let targets = stride(from: 30, to: bytes.count, by: 997).map { $0 }
        let cuts = try CSVSplitPoints.find(in: path, targets: targets, chunkSize: 64)
        XCTAssertEqual(cuts.count, targets.count)
        for cut in cuts {
            let rest = String(decoding: bytes[cut...].prefix(20), as: UTF8.self)
            XCTAssertNotNil(rest.range(of: #"^\d+,\d+,"#, options: .regularExpression), "cut at \(cut): \(rest)")
        }
    }

    func testAnErrorInTheSecondHalfHasItsLineInTheFile() throws {
        // 3000 rows, a third of them three lines long: the bad row is on line 5002 of the file.
        let path = try write("bad.csv", tricky(rows: 3000, lastRows: "3001,5,x\n3002,1,x,2024-01-01,true\n"))
        let seed = SeedFile(path: path)
        let parted = outcome { try PartitionedSeedInference(file: seed, parts: 2, minimumPartSize: 10_000).columns() }
        XCTAssertEqual(parted, "\(path):5002:1: row has 3 fields, the header has 5")
        XCTAssertEqual(parted, singlePass(seed))
        assertCSVError(try PartitionedSeedInference(file: seed, parts: 2, minimumPartSize: 10_000).columns(),
                       "row has 3 fields, the header has 5", line: 5002, column: 1)
    }

    func testAnUnclosedQuoteInTheSecondHalfHasItsLineInTheFile() throws {
        let path = try write("open.csv", tricky(rows: 3000, lastRows: "3001,5,\"never closed\n3002,1,x,2024-01-01,true\n"))
        let seed = SeedFile(path: path)
        assertCSVError(try PartitionedSeedInference(file: seed, parts: 2, minimumPartSize: 10_000).columns(),
                       "a quoted field is not closed before the end of the file", line: 5002, column: 8)
    }
}
