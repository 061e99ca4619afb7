@testable import SwiftDBT
import XCTest

/// Single values against dbt's rules; each expectation was checked with dbt-common 1.39's type tester
/// (agate 1.9.1, isodate 0.7.2) unless marked as a deliberate difference.
final class SeedValueSyntaxTests: XCTestCase {
    private func bytes<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        var text = text
        return text.withUTF8(body)
    }

    private func kind(_ text: String) -> SeedNumberSyntax.Kind? { bytes(text, SeedNumberSyntax.kind(of:)) }
    private func double(_ text: String) -> Double? { bytes(text, SeedNumberSyntax.double) }

    func testWholeNumbers() {
        let cases: [(String, Int64)] = [
            ("1", 1), ("1.0", 1), ("5.", 5), ("1e3", 1000), ("1E+2", 100), ("0.5e1", 5), ("-0", 0),
            ("1,234", 1234), ("1,,2", 12), ("1__0", 10), ("_1", 1), ("$5", 5), ("$ 5", 5), ("$5$", 5), ("5€", 5),
            ("€-5", -5), ("-€5", -5), ("-$5", -5), ("5%", 5), ("5 ,", 5), ("+5", 5), ("--5", 5), (" 5 ", 5),
            ("9223372036854775807", .max), ("-9223372036854775808", .min),
        ]
        for (text, value) in cases {
            XCTAssertEqual(kind(text), .integer(value), text)
        }
    }

    func testOtherNumbers() {
        for text in [".5", "2.5", "1e-3", "0.1", "NaN", "nan5", "inf", "-Infinity", "1e400", "9223372036854775808"] {
            XCTAssertEqual(kind(text), .other, text)
        }
        XCTAssertEqual(double("-1.5e-3"), -0.0015)
        XCTAssertEqual(double("1,234.5"), 1234.5)
        XCTAssertEqual(double("-inf"), -.infinity)
        XCTAssertEqual(double("12%"), 12)
        XCTAssertEqual(double("1e400"), .infinity)
        XCTAssertEqual(double("5."), 5)
    }

    func testNotNumbers() {
        for text in ["", "1e", "1.2.3", "1 000", "0x10", "-", "%", "$", "sNaN", "abc", "١٢"] {
            XCTAssertNil(kind(text), text)
        }
    }

    func testLeadingZerosAreNotNumbers() {
        // Deliberately unlike dbt, which reads all of these as numbers.
        for text in ["007", "00", "01234", "05.5", "-01", "0,123"] {
            XCTAssertNil(kind(text), text)
        }
        for text in ["0", "0.5", "-0.25", "0e5"] {
            XCTAssertNotNil(kind(text), text)
        }
    }

    func testDates() {
        let valid = [("2024-01-05", "2024-01-05"), ("2024-1-5", "2024-01-05"), ("2024-01- 5", "2024-01-05"),
                     (" 2024-01-05 ", "2024-01-05"), ("2000-02-29", "2000-02-29")]
        for (text, normalized) in valid {
            XCTAssertEqual(bytes(text, SeedDateSyntax.date)?.dateText, normalized, text)
        }
        for text in ["2024-02-30", "1900-02-29", "24-01-05", "0000-01-01", "2024-13-01", "2024-00-10", "2024-01-00",
                     "2024/01/05", "2024-01-05x", "20240105"] {
            XCTAssertNil(bytes(text, SeedDateSyntax.date), text)
        }
    }

    func testStrptimeTimestamps() {
        let valid = [("2024-01-05 10:30:00", "2024-01-05 10:30:00"), ("2024-01-05  1:2:3", "2024-01-05 01:02:03"),
                     ("2024-01-05\t10:00:00", "2024-01-05 10:00:00"), ("2024-1-5 23:59:59", "2024-01-05 23:59:59")]
        for (text, normalized) in valid {
            XCTAssertEqual(bytes(text, SeedDateSyntax.spaceTimestamp)?.timestampText, normalized, text)
        }
        for text in ["2024-01-05 10:00", "2024-01-05 24:00:00", "2024-01-05 10:00:60", "2024-01-05 10:00:00.5",
                     "2024-01-0510:00:00", "2024-01-05T10:00:00"] {
            XCTAssertNil(bytes(text, SeedDateSyntax.spaceTimestamp), text)
        }
    }

    func testISOTimestamps() {
        let valid = [
            ("2024-01-05T10:00:00", "2024-01-05 10:00:00"), ("20240105T1000", "2024-01-05 10:00:00"),
            ("2024-01-05T10", "2024-01-05 10:00:00"), ("2024-01T10", "2024-01-01 10:00:00"),
            ("2024T10:30", "2024-01-01 10:30:00"), ("2024-01-05T100000,5", "2024-01-05 10:00:00.500000"),
            ("2024-01-05T23:59:59.9999999", "2024-01-05 23:59:59.999999"),
            ("2024-01-05T10:00:00.1234567Z", "2024-01-05 10:00:00.123456+00:00"),
            ("2024-01-05T10:00:00+0530", "2024-01-05 10:00:00+05:30"), ("2024-01-05T10:00:00+05", "2024-01-05 10:00:00+05:00"),
            ("2024-01-05T10:00:00-00:00", "2024-01-05 10:00:00+00:00"), ("2024-01-05T10:00-08:00", "2024-01-05 10:00:00-08:00"),
        ]
        for (text, normalized) in valid {
            XCTAssertEqual(bytes(text, SeedDateSyntax.isoTimestamp)?.timestampText, normalized, text)
        }
        for text in ["2024-01-05t10:00", "2024-01-05TT10", "2024-01-05T10:00:00z", "2024-01-05T10:00:00 Z",
                     "+2024-01-05T10:00", "2024-01-05T24:00", "2024-01-05T10:61", "2024-01-05T10:00:00.",
                     "2024-01-05T10:00:00xyz", "2024-01-05xT10:00", "2024-01-05T10:0000", "2024-01-05T1000:00",
                     "2024-02-30T10:00",
                     // isodate reads week and ordinal dates; they are deliberately left out here.
                     "2024-W01-1T10", "2024-005T10"] {
            XCTAssertNil(bytes(text, SeedDateSyntax.isoTimestamp), text)
        }
    }

    func testBooleansAndNulls() {
        for (text, value) in [(" true ", true), ("True,", true), ("t,rue", true), ("FALSE", false)] {
            XCTAssertEqual(bytes(text, SeedFieldSyntax.boolean), value, text)
        }
        for text in ["yes", "t", "1", "tr ue", "truex", ""] {
            XCTAssertNil(bytes(text, SeedFieldSyntax.boolean), text)
        }
        for text in ["", " ", "null", "NULL", " Null "] {
            XCTAssertTrue(bytes(text, SeedFieldSyntax.isNull), text)
        }
        for text in ["nul", "none", "n/a", "nullx"] {
            XCTAssertFalse(bytes(text, SeedFieldSyntax.isNull), text)
        }
    }
}
