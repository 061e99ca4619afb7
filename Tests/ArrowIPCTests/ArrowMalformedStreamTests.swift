import ArrowIPC
import XCTest

/// Truncated and corrupted streams throw `ArrowIPCError`: never a trap, never a hang. A trap would end the
/// test process, so finishing these tests is itself the proof.
final class ArrowMalformedStreamTests: XCTestCase {
    private let fuzzed = [
        "primitives.arrows", "nested.arrows", "dictionary.arrows", "strings.arrows", "decimals.arrows", "temporal.arrows", "spark-connect.arrows",
    ]

    func testEveryTruncationThrowsOrReadsAWholePrefixOfTheBatches() throws {
        for name in fuzzed {
            let bytes = try Fixtures.bytes(name)
            let whole = try ArrowStreamReader.read(bytes)
            var refused = 0
            for length in 0 ..< bytes.count {
                do {
                    // Only a cut between two messages leaves a valid (shorter) stream.
                    let table = try ArrowStreamReader.read(Array(bytes[..<length]))
                    XCTAssertLessThanOrEqual(table.rowCount, whole.rowCount, "\(name) cut at \(length)")
                    for (column, full) in zip(table.columns, whole.columns) {
                        // Compared as cells: NaN is not equal to itself as a Double.
                        XCTAssertEqual(column.values.map(Cell.init), full.values.prefix(table.rowCount).map(Cell.init), "\(name) cut at \(length)")
                    }
                } catch let error as ArrowIPCError {
                    if case .unsupportedType = error { XCTFail("\(name) cut at \(length): \(error)") }
                    refused += 1
                }
            }
            XCTAssertGreaterThan(refused, bytes.count * 9 / 10, name)
        }
    }

    func testCorruptedBytesAndLengthsThrowTheTypedError() throws {
        for name in ["primitives.arrows", "nested.arrows", "dictionary.arrows"] {
            let bytes = try Fixtures.bytes(name)
            var stream = bytes
            for position in 0 ..< bytes.count {
                for replacement: UInt8 in [0xFF, bytes[position] &+ 1] {
                    stream[position] = replacement
                    expectNoTrap(stream, "\(name) byte \(position) = \(replacement)")
                }
                stream[position] = bytes[position]
            }
            // Whole 32-bit lengths and offsets replaced by extreme values.
            for position in stride(from: 0, to: bytes.count - 3, by: 4) {
                for replacement: UInt32 in [0xFFFF_FFFF, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFF8] {
                    withUnsafeBytes(of: replacement.littleEndian) { stream.replaceSubrange(position ..< position + 4, with: $0) }
                    expectNoTrap(stream, "\(name) word at \(position) = \(replacement)")
                }
                stream.replaceSubrange(position ..< position + 4, with: bytes[position ..< position + 4])
            }
        }
    }

    private func expectNoTrap(_ stream: [UInt8], _ what: String) {
        do {
            _ = try ArrowStreamReader.read(stream)
        } catch is ArrowIPCError {
        } catch {
            XCTFail("\(what): \(error) is not an ArrowIPCError")
        }
    }

    func testEmptyAndEndOnlyStreamsHaveNoSchema() {
        for stream: [UInt8] in [[], [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0], [0, 0, 0, 0]] {
            XCTAssertThrowsError(try ArrowStreamReader.read(stream)) {
                XCTAssertEqual($0 as? ArrowIPCError, .truncated("the stream holds no schema message"))
            }
        }
    }

    func testMetadataLengthsBeyondTheStream() throws {
        var stream = try Fixtures.bytes("primitives.arrows")
        stream.replaceSubrange(4 ..< 8, with: [0xFF, 0xFF, 0xFF, 0x7F])
        XCTAssertThrowsError(try ArrowStreamReader.read(stream)) { error in
            guard case .truncated(let message) = error as? ArrowIPCError else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("2147483647 bytes of metadata"), message)
        }
        stream.replaceSubrange(4 ..< 8, with: [0xF0, 0xFF, 0xFF, 0xFF])
        XCTAssertThrowsError(try ArrowStreamReader.read(stream)) {
            XCTAssertEqual($0 as? ArrowIPCError, .malformed("a message at byte 0 declares metadata of -16 bytes"))
        }
    }

    /// A null column costs no body bytes, so its length alone must not make the reader allocate without limit.
    func testHugeNullColumnLengthIsRefused() throws {
        var stream = try Fixtures.bytes("primitives.arrows")
        // The record batch's row count and the null column's field node: 10 rows, 10 nulls.
        let ten: [UInt8] = [10, 0, 0, 0, 0, 0, 0, 0]
        let node = ten + ten
        let at = try XCTUnwrap((0 ..< stream.count - 16).first { Array(stream[$0 ..< $0 + 16]) == node })
        stream.replaceSubrange(at ..< at + 8, with: [0, 0, 0, 0, 0, 1, 0, 0])
        XCTAssertThrowsError(try ArrowStreamReader.read(stream)) { error in
            guard case .malformed(let message) = error as? ArrowIPCError else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("1099511627776"), message)
        }
    }
}
