import SwiftDBT
import XCTest

/// Expected types and values come from dbt-common 1.39's type tester run with agate 1.9.1 and isodate 0.7.2
/// on the same fixtures, except where a test says it differs on purpose.
final class SeedTypeInferenceTests: XCTestCase {
    private func load(_ name: String, delimiter: String = ",", columnTypes: [String: String] = [:])
        throws -> (types: [String: SeedColumnType], rows: [[String: SeedValue]]) {
        let seed = SeedFile(path: csvFixture(name), delimiter: delimiter, columnTypes: columnTypes)
        let columns = try seed.inferColumns()
        var rows: [[String: SeedValue]] = []
        try seed.forEachRow(columns: columns) { values, _ in
            rows.append(Dictionary(uniqueKeysWithValues: zip(columns.map(\.name), values)))
        }
        return (Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0.type) }), rows)
    }

    func testEachTypeAndItsValues() throws {
        let (types, rows) = try load("types.csv")
        XCTAssertEqual(types, [
            "int": .integer, "real": .number, "flag": .boolean, "day": .date, "stamp": .timestamp,
            "iso_stamp": .timestamp, "words": .text,
            // Nothing but nulls: dbt's Number with no decimal places.
            "nothing": .integer,
            // Dates and timestamps do not mix, nor do the strptime and ISO timestamp forms.
            "mixed_dates": .text, "mixed_stamps": .text,
        ])
        XCTAssertEqual(rows[0]["int"], .integer(1))
        XCTAssertEqual(rows[1]["int"], .integer(-20))
        XCTAssertEqual(rows[0]["real"], .real(1.5))
        XCTAssertEqual(rows[1]["real"], .real(2))
        XCTAssertEqual(rows.map { $0["flag"] }, [.boolean(true), .boolean(false), .null])
        XCTAssertEqual(rows.map { $0["day"] }, [.date("2024-01-05"), .date("2024-01-06"), .null])
        XCTAssertEqual(rows.map { $0["stamp"] }, [.timestamp("2024-01-05 10:30:00"), .timestamp("2024-01-06 01:02:03"), .null])
        XCTAssertEqual(rows.map { $0["iso_stamp"] },
                       [.timestamp("2024-01-05 10:30:00+00:00"), .timestamp("2024-01-06 01:02:00"), .null])
        // Text keeps its spaces; empty and null are NULL in every type, text included.
        XCTAssertEqual(rows.map { $0["words"] }, [.text("hello"), .text("  spaced  "), .null])
        XCTAssertEqual(rows.map { $0["nothing"] }, [.null, .null, .null])
        XCTAssertEqual(rows[1]["mixed_stamps"], .text("2024-01-06T10:00:00"))
    }

    func testNumberSpellingsAgateAccepts() throws {
        let (types, rows) = try load("numbers.csv")
        XCTAssertEqual(types, [
            "grouped": .integer, "currency": .integer, "percent": .integer, "exponent": .integer,
            "whole_decimal": .integer, "fraction": .number, "signs": .integer,
            // dbt makes these `integer` too (NaN and infinities have no decimal places; 20 digits have none
            // either) and fails to insert them; here they are numbers, loaded as doubles.
            "special": .number, "huge": .number,
        ])
        XCTAssertEqual(rows.map { $0["grouped"] }, [.integer(1234), .integer(7)])
        XCTAssertEqual(rows.map { $0["currency"] }, [.integer(5), .integer(3)])
        XCTAssertEqual(rows.map { $0["percent"] }, [.integer(5), .integer(12)])
        XCTAssertEqual(rows.map { $0["exponent"] }, [.integer(1000), .integer(200)])
        XCTAssertEqual(rows.map { $0["whole_decimal"] }, [.integer(1), .integer(2)])
        XCTAssertEqual(rows.map { $0["fraction"] }, [.real(0.5), .real(-0.0015)])
        XCTAssertEqual(rows.map { $0["signs"] }, [.integer(5), .integer(-7)])
        XCTAssertEqual(rows[1]["special"], .real(.infinity))
        guard case .real(let nan)? = rows[0]["special"] else { return XCTFail("NaN is a number") }
        XCTAssertTrue(nan.isNaN)
        XCTAssertEqual(rows.map { $0["huge"] }, [.real(1e20 - 1), .real(1)])
    }

    func testLeadingZerosKeepAColumnText() throws {
        // dbt would load ZIP code 01234 as the integer 1234 and agent 007 as 7: this rule is ours.
        let (types, rows) = try load("leading_zeros.csv")
        XCTAssertEqual(types, ["zip": .text, "agent": .text, "zero": .integer, "small": .number])
        XCTAssertEqual(rows.map { $0["zip"] }, [.text("01234"), .text("90210")])
        XCTAssertEqual(rows.map { $0["agent"] }, [.text("007"), .text("8")])
        XCTAssertEqual(rows.map { $0["small"] }, [.real(0.5), .real(-0.25)])
    }

    func testISOTimestampForms() throws {
        let (types, rows) = try load("timestamps.csv")
        XCTAssertEqual(types, ["iso": .timestamp])
        // Fractions are truncated to microseconds, as isodate does; offsets print as Python prints them.
        XCTAssertEqual(rows.map { $0["iso"] }, [
            .timestamp("2024-01-05 10:30:00.123456+05:30"),
            .timestamp("2024-01-05 10:30:00.500000-08:00"),
            .timestamp("2024-01-01 10:00:00"),
            .timestamp("2024-01-01 10:30:00"),
            .timestamp("2024-01-05 10:30:00+00:00"),
        ])
    }

    func testAlmostTimestampsStayText() throws {
        let (types, _) = try load("not_timestamps.csv")
        XCTAssertEqual(types, [
            "lower_t": .text, "two_t": .text, "fraction_space": .text, "hour_24": .text, "bad_day": .text,
            // isodate reads ISO week dates, which dbt would make a timestamp; they are not read here.
            "week": .text,
        ])
    }

    func testBooleanSpellings() throws {
        let (types, rows) = try load("booleans.csv")
        XCTAssertEqual(types, ["spaced": .boolean, "commas": .boolean, "words": .text])
        XCTAssertEqual(rows.map { $0["commas"] }, [.boolean(true), .boolean(false)])
    }

    func testDecimalCommaWithSemicolonDelimiterIsAGroupSeparator() throws {
        // agate reads numbers as en_US, so with `delimiter: ';'` a value `1,5` loads as 15, as in dbt.
        let (types, rows) = try load("semicolon.csv", delimiter: ";")
        XCTAssertEqual(types["amount"], .integer)
        XCTAssertEqual(rows.map { $0["amount"] }, [.integer(15), .integer(25)])
    }

    func testColumnTypesOverrideInference() throws {
        let (types, rows) = try load("column_types.csv",
                                     columnTypes: ["zip": "varchar(5)", "amount": "numeric(10,2)", "not_a_column": "text"])
        XCTAssertEqual(types, ["zip": .declared("varchar(5)"), "amount": .declared("numeric(10,2)"), "flag": .boolean])
        // Declared columns load as text for the database to convert; null spellings are still NULL.
        XCTAssertEqual(rows.map { $0["zip"] }, [.text("01234"), .null])
        XCTAssertEqual(rows.map { $0["amount"] }, [.text("10"), .null])
    }

    func testDatesSpelledOtherwiseInTheCanonicalLengthAreRewritten() throws {
        // Each field has the length of `2024-01-06` or `2024-01-06 01:02:03`; only the last row is written so.
        let (types, rows) = try load("same_length_dates.csv")
        XCTAssertEqual(types, ["day": .date, "stamp": .timestamp])
        XCTAssertEqual(rows.map { $0["day"] }, [.date("2024-01-06"), .date("2024-01-06"), .date("2024-01-07")])
        XCTAssertEqual(rows.map { $0["stamp"] }, Array(repeating: .timestamp("2024-01-06 01:02:03"), count: 3))
    }

    func testNullSpelledWithSpacesOrAnyCase() throws {
        let (types, rows) = try load("null_spellings.csv")
        XCTAssertEqual(types, ["a": .integer, "b": .text])
        XCTAssertEqual(rows.map { $0["a"] }, [.null, .null, .null, .null])
        XCTAssertEqual(rows.map { $0["b"] }, [.text("x"), .null, .text("nullx"), .text("n")])
    }

    func testInferrerCanBeFedByHand() throws {
        let reader = try CSVReader(path: csvFixture("types.csv"))
        var inferrer = SeedTypeInferrer(columnNames: reader.header)
        XCTAssertEqual(inferrer.columns.first, SeedColumn(name: "int", type: .integer))
        let firstRow = try XCTUnwrap(reader.nextRow())
        inferrer.add(firstRow)
        XCTAssertEqual(inferrer.columns.map(\.type)[0...2], [.integer, .number, .boolean])
    }
}
