import ArrowIPC
import Foundation
import XCTest

/// Every fixture pyarrow wrote, read and compared with what pyarrow read back from it.
final class ArrowFixtureTests: XCTestCase {
    func testEveryFixtureReadsAsPyarrowReadsIt() throws {
        let fixtures = try Fixtures.expected("expected.json")
        XCTAssertEqual(fixtures.count, 16)
        try check(fixtures)
    }

    /// What Spark Connect 4.3 sent for a query of every Spark type (and for the same query without rows).
    func testSparkConnectBatchesReadAsPyarrowReadsThem() throws {
        let fixtures = try Fixtures.expected("expected-spark.json")
        XCTAssertEqual(fixtures.count, 2)
        try check(fixtures)
    }

    private func check(_ fixtures: [[String: Any]]) throws {
        for fixture in fixtures {
            let name = try XCTUnwrap(fixture["file"] as? String)
            let bytes = try Fixtures.bytes(name)
            if let error = fixture["error"] as? [String: Any] {
                try checkRefused(name, bytes, error)
                continue
            }
            let table: ArrowTable
            do { table = try ArrowStreamReader.read(bytes) } catch {
                XCTFail("\(name): \(error)")
                continue
            }
            XCTAssertEqual(table.rowCount, fixture["rows"] as? Int, name)
            let schema = try XCTUnwrap(fixture["schema"] as? [[String: Any]])
            XCTAssertEqual(table.schema.fields.count, schema.count, name)
            for (field, expected) in zip(table.schema.fields, schema) {
                XCTAssertEqual(field.name, expected["name"] as? String, name)
                XCTAssertEqual(field.type.description, expected["type"] as? String, "\(name) \(field.name)")
                XCTAssertEqual(field.nullable, expected["nullable"] as? Bool, "\(name) \(field.name)")
                let index = field.dictionary.map { ArrowType.int(bitWidth: $0.indexBitWidth, signed: $0.indexSigned).description }
                XCTAssertEqual(index, expected["index"] as? String, "\(name) \(field.name)")
            }
            let columns = try XCTUnwrap(fixture["columns"] as? [[Any]])
            XCTAssertEqual(table.columns.count, columns.count, name)
            for (column, expected) in zip(table.columns, columns) {
                XCTAssertEqual(column.values.count, table.rowCount, "\(name) \(column.field.name)")
                let cells = try expected.map(Cell.init(json:))
                for (row, (value, cell)) in zip(column.values, cells).enumerated() where Cell(value) != cell {
                    XCTFail("\(name) \(column.field.name) row \(row): read \(Cell(value)), pyarrow \(cell)")
                }
            }
        }
    }

    private func checkRefused(_ name: String, _ bytes: [UInt8], _ error: [String: Any]) throws {
        XCTAssertThrowsError(try ArrowStreamReader.read(bytes), name) { thrown in
            if let unsupported = error["unsupportedType"] as? [String: String] {
                XCTAssertEqual(thrown as? ArrowIPCError,
                               .unsupportedType(type: unsupported["type"] ?? "", column: unsupported["column"] ?? ""), name)
            } else if let feature = error["unsupportedFeature"] as? String {
                guard case .unsupportedFeature(let message) = thrown as? ArrowIPCError else {
                    return XCTFail("\(name): \(thrown)")
                }
                XCTAssertTrue(message.contains(feature), "\(name): \(message)")
            } else {
                XCTFail("\(name): unknown expected error \(error)")
            }
        }
    }

    /// The values keep their Arrow units and time zones, the table's accessors agree with its columns.
    func testTemporalValuesKeepUnitAndTimezone() throws {
        let table = try ArrowStreamReader.read(try Fixtures.bytes("temporal.arrows"))
        let column = try XCTUnwrap(table.schema.fields.firstIndex { $0.name == "ts_us_tz" })
        XCTAssertEqual(table[4, column], .timestamp(value: 1_700_000_000_123_456, unit: .microsecond, timezone: "Europe/Paris"))
        let naive = try XCTUnwrap(table.schema.fields.firstIndex { $0.name == "ts_us" })
        XCTAssertEqual(table.row(0)[naive], .timestamp(value: -1, unit: .microsecond, timezone: nil))
        XCTAssertEqual(table[0, 0], .date(daysSinceEpoch: 0))
        XCTAssertEqual(table[1, 0], .date(daysSinceEpoch: -1))
    }

    func testDecimalKeepsUnscaledValueAndScale() throws {
        let table = try ArrowStreamReader.read(try Fixtures.bytes("decimals.arrows"))
        guard case .decimal(let value) = table[0, 2] else { return XCTFail("\(table[0, 2])") }
        XCTAssertEqual(value, ArrowDecimal128(high: -1, low: UInt64(bitPattern: -150), precision: 5, scale: 2))
        XCTAssertEqual(value.description, "-1.50")
        XCTAssertEqual(value.unscaledMagnitudeDigits, "150")
    }

    /// The reader accepts any byte collection, as Spark Connect's `Data`.
    func testReadsFromData() throws {
        let bytes = try Fixtures.bytes("batches.arrows")
        XCTAssertEqual(try ArrowStreamReader.read(Data(bytes)), try ArrowStreamReader.read(bytes))
    }
}

/// Appending the table of a later stream, as a Spark Connect result arrives.
final class ArrowTableAppendTests: XCTestCase {
    func testAppendKeepsRowsInOrderAndRefusesAnotherSchema() throws {
        var table = try ArrowStreamReader.read(try Fixtures.bytes("zero-row-batch.arrows"))
        try table.append(try ArrowStreamReader.read(try Fixtures.bytes("schema-only.arrows")))
        try table.append(try ArrowStreamReader.read(try Fixtures.bytes("zero-row-batch.arrows")))
        XCTAssertEqual(table.rowCount, 8)
        XCTAssertEqual(table.columns[1].values, [.string("a"), .null, .string("a"), .null, .string("a"), .null, .string("a"), .null])
        XCTAssertThrowsError(try table.append(try ArrowStreamReader.read(try Fixtures.bytes("batches.arrows")))) {
            XCTAssertEqual($0 as? ArrowIPCError, .malformed(
                "a stream's columns (id int64, s string) differ from the first stream's (id int32, s string)"))
        }
        XCTAssertEqual(table.rowCount, 8)
    }
}
