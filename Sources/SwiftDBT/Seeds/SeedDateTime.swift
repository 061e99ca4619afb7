/// A calendar date with an optional time of day and UTC offset, read from a seed field.
struct SeedDateTime: Equatable {
    var year: Int
    var month: Int
    var day: Int
    var hour = 0
    var minute = 0
    var second = 0
    var microsecond = 0
    /// Minutes east of UTC; nil for a local (naive) time.
    var offsetMinutes: Int?

    /// Nil unless the date exists (year 1 to 9999).
    init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2024-01-05`.
    var dateText: String {
        text(count: 10) { write in write.date(self) }
    }

    /// `2024-01-05 10:30:00`, with `.123456` when there are microseconds and `+05:30` when there is an
    /// offset: Python's `str(datetime)`, which dbt's adapters hand to the database.
    var timestampText: String {
        let count = 19 + (microsecond != 0 ? 7 : 0) + (offsetMinutes != nil ? 6 : 0)
        return text(count: count) { write in
            write.date(self)
            write.byte(UInt8(ascii: " "))
            write.number(hour, 2)
            write.byte(UInt8(ascii: ":"))
            write.number(minute, 2)
            write.byte(UInt8(ascii: ":"))
            write.number(second, 2)
            if microsecond != 0 {
                write.byte(UInt8(ascii: "."))
                write.number(microsecond, 6)
            }
            if let offsetMinutes {
                write.byte(UInt8(ascii: offsetMinutes < 0 ? "-" : "+"))
                write.number(abs(offsetMinutes) / 60, 2)
                write.byte(UInt8(ascii: ":"))
                write.number(abs(offsetMinutes) % 60, 2)
            }
        }
    }

    /// Text of exactly `count` ASCII bytes, written straight into the string's storage (these run once per
    /// seed field, so no interpolation).
    private func text(count: Int, _ body: (inout DigitWriter) -> Void) -> String {
        String(unsafeUninitializedCapacity: count) { buffer in
            var writer = DigitWriter(buffer: buffer)
            body(&writer)
            return writer.count
        }
    }
}

/// Writes zero-padded numbers and separators into a byte buffer.
private struct DigitWriter {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    mutating func byte(_ value: UInt8) {
        buffer[count] = value
        count += 1
    }

    /// `value` (not negative, below 10^width) in exactly `width` digits.
    mutating func number(_ value: Int, _ width: Int) {
        var rest = value
        for position in stride(from: count + width - 1, through: count, by: -1) {
            buffer[position] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
            rest /= 10
        }
        count += width
    }

    mutating func date(_ value: SeedDateTime) {
        number(value.year, 4)
        byte(UInt8(ascii: "-"))
        number(value.month, 2)
        byte(UInt8(ascii: "-"))
        number(value.day, 2)
    }
}
