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
        "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))"
    }

    /// `2024-01-05 10:30:00`, with `.123456` when there are microseconds and `+05:30` when there is an
    /// offset: Python's `str(datetime)`, which dbt's adapters hand to the database.
    var timestampText: String {
        var text = "\(dateText) \(Self.padded(hour, 2)):\(Self.padded(minute, 2)):\(Self.padded(second, 2))"
        if microsecond != 0 { text += "." + Self.padded(microsecond, 6) }
        if let offsetMinutes {
            text += (offsetMinutes < 0 ? "-" : "+") + Self.padded(abs(offsetMinutes) / 60, 2) + ":"
                + Self.padded(abs(offsetMinutes) % 60, 2)
        }
        return text
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
