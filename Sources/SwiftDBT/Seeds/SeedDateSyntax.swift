/// Reads dates and timestamps as dbt's seed loader does: agate's `Date` with `%Y-%m-%d`, agate's `DateTime`
/// with `%Y-%m-%d %H:%M:%S` (both Python `strptime`), and dbt's `ISODateTime` (`isodate.parse_datetime`).
/// Surrounding whitespace is ignored.
enum SeedDateSyntax {
    /// `strptime("%Y-%m-%d")`: a 4-digit year; a month and day of one or two digits (`2024-1-5`), the day
    /// also as a space and one digit; the date must exist.
    static func date(_ field: UnsafeBufferPointer<UInt8>) -> SeedDateTime? {
        var cursor = trimmed(field)
        guard let date = strptimeDate(&cursor), cursor.isAtEnd else { return nil }
        return date
    }

    /// `strptime("%Y-%m-%d %H:%M:%S")`: such a date, whitespace, then an hour (0-23), minute and second
    /// (0-59) of one or two digits each. No fraction, no offset.
    static func spaceTimestamp(_ field: UnsafeBufferPointer<UInt8>) -> SeedDateTime? {
        var cursor = trimmed(field)
        guard var value = strptimeDate(&cursor), let space = cursor.first, ByteCursor.isWhitespace(space) else {
            return nil
        }
        while let byte = cursor.first, ByteCursor.isWhitespace(byte) { _ = cursor.skip(byte) }
        guard let hour = strptimeNumber(&cursor, maximum: 23), cursor.skip(UInt8(ascii: ":")),
              let minute = strptimeNumber(&cursor, maximum: 59), cursor.skip(UInt8(ascii: ":")),
              let second = strptimeNumber(&cursor, maximum: 59), cursor.isAtEnd else { return nil }
        value.hour = hour
        value.minute = minute
        value.second = second
        return value
    }

    /// `isodate.parse_datetime`: an ISO 8601 date and time joined by one uppercase `T`.
    ///
    /// Dates: `YYYY-MM-DD`, `YYYYMMDD`, `YYYY-MM`, `YYYY`. Times: `hh:mm:ss`, `hhmmss` (with a `.` or `,`
    /// fraction, truncated to microseconds), `hh:mm`, `hhmm`, `hh`. Offsets: `Z`, `±hh:mm`, `±hhmm`, `±hh`.
    /// isodate also takes week dates (`2024-W01-1`), ordinal dates (`2024-005`), centuries and fractions of
    /// minutes or hours; those are not read here, so such a column stays text.
    static func isoTimestamp(_ field: UnsafeBufferPointer<UInt8>) -> SeedDateTime? {
        let cursor = trimmed(field)
        let body = UnsafeBufferPointer(rebasing: field[cursor.index..<cursor.end])
        guard let separator = body.firstIndex(of: UInt8(ascii: "T")),
              !body[(separator + 1)...].contains(UInt8(ascii: "T")) else { return nil }
        var datePart = ByteCursor(UnsafeBufferPointer(rebasing: body[..<separator]))
        var timePart = ByteCursor(UnsafeBufferPointer(rebasing: body[(separator + 1)...]))
        guard var value = isoDate(&datePart), datePart.isAtEnd, isoTime(&timePart, into: &value),
              isoOffset(&timePart, into: &value), timePart.isAtEnd else { return nil }
        return value
    }

    private static func trimmed(_ field: UnsafeBufferPointer<UInt8>) -> ByteCursor {
        var cursor = ByteCursor(field)
        cursor.trimWhitespace()
        return cursor
    }

    private static func strptimeDate(_ cursor: inout ByteCursor) -> SeedDateTime? {
        guard let year = cursor.digits(minimum: 4, maximum: 4), cursor.skip(UInt8(ascii: "-")),
              let month = strptimeNumber(&cursor, maximum: 12), month > 0, cursor.skip(UInt8(ascii: "-"))
        else { return nil }
        // `%d` also matches a space followed by one digit.
        let day = cursor.skip(UInt8(ascii: " ")) ? cursor.digits(minimum: 1, maximum: 1)?.value
            : strptimeNumber(&cursor, maximum: 31)
        return day.flatMap { SeedDateTime(year: year.value, month: month, day: $0) }
    }

    /// One or two digits up to `maximum`.
    private static func strptimeNumber(_ cursor: inout ByteCursor, maximum: Int) -> Int? {
        guard let number = cursor.digits(minimum: 1, maximum: 2), number.value <= maximum else { return nil }
        return number.value
    }

    private static func isoDate(_ cursor: inout ByteCursor) -> SeedDateTime? {
        guard let year = cursor.digits(minimum: 4, maximum: 4)?.value else { return nil }
        if cursor.isAtEnd { return SeedDateTime(year: year, month: 1, day: 1) }
        let extended = cursor.skip(UInt8(ascii: "-"))
        guard let month = cursor.digits(minimum: 2, maximum: 2)?.value else { return nil }
        if extended && cursor.isAtEnd { return SeedDateTime(year: year, month: month, day: 1) }
        guard !extended || cursor.skip(UInt8(ascii: "-")), let day = cursor.digits(minimum: 2, maximum: 2)?.value
        else { return nil }
        return SeedDateTime(year: year, month: month, day: day)
    }

    private static func isoTime(_ cursor: inout ByteCursor, into value: inout SeedDateTime) -> Bool {
        guard let hour = cursor.digits(minimum: 2, maximum: 2)?.value, hour < 24 else { return false }
        value.hour = hour
        guard let next = cursor.first, ByteCursor.isDigit(next) || next == UInt8(ascii: ":") else { return true }
        let extended = cursor.skip(UInt8(ascii: ":"))
        guard let minute = cursor.digits(minimum: 2, maximum: 2)?.value, minute < 60 else { return false }
        value.minute = minute
        guard cursor.first.map({ ByteCursor.isDigit($0) || $0 == UInt8(ascii: ":") }) == true else { return true }
        guard cursor.skip(UInt8(ascii: ":")) == extended,
              let second = cursor.digits(minimum: 2, maximum: 2)?.value, second < 60 else { return false }
        value.second = second
        if cursor.skip(UInt8(ascii: ".")) || cursor.skip(UInt8(ascii: ",")) {
            guard let fraction = cursor.digits(minimum: 1, maximum: 6) else { return false }
            value.microsecond = fraction.value * [1, 100_000, 10_000, 1_000, 100, 10, 1][fraction.count]
            while let digit = cursor.first, ByteCursor.isDigit(digit) { _ = cursor.skip(digit) }
        }
        return true
    }

    private static func isoOffset(_ cursor: inout ByteCursor, into value: inout SeedDateTime) -> Bool {
        if cursor.skip(UInt8(ascii: "Z")) {
            value.offsetMinutes = 0
            return true
        }
        let sign: Int
        if cursor.skip(UInt8(ascii: "+")) {
            sign = 1
        } else if cursor.skip(UInt8(ascii: "-")) {
            sign = -1
        } else {
            return true
        }
        guard let hours = cursor.digits(minimum: 2, maximum: 2)?.value, hours < 24 else { return false }
        var minutes = 0
        if !cursor.isAtEnd {
            _ = cursor.skip(UInt8(ascii: ":"))
            guard let parsed = cursor.digits(minimum: 2, maximum: 2)?.value, parsed < 60 else { return false }
            minutes = parsed
        }
        value.offsetMinutes = sign * (hours * 60 + minutes)
        return true
    }
}
