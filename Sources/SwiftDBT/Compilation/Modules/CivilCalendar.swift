import Jinja

/// The proleptic Gregorian calendar as Python's `datetime` counts it: day 1 is 0001-01-01, years 1 to 9999,
/// wall-clock times as microseconds from 0001-01-01 00:00.
enum CivilCalendar {
    static let microsecondsPerSecond: Int64 = 1_000_000
    static let microsecondsPerDay: Int64 = 86_400 * microsecondsPerSecond
    /// The ordinal of 1970-01-01.
    static let unixEpochOrdinal = 719_163
    /// The largest ordinal (9999-12-31).
    static let maxOrdinal = 3_652_059
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]
    static let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// The fields of a wall-clock time.
    struct Fields: Equatable {
        var year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0, microsecond = 0
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        month == 2 ? (isLeap(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// Days in the years before `year`.
    private static func daysBeforeYear(_ year: Int) -> Int {
        let y = year - 1
        return y * 365 + y / 4 - y / 100 + y / 400
    }

    /// Days in the months of `year` before `month`.
    static func daysBeforeMonth(_ year: Int, _ month: Int) -> Int {
        (1..<month).reduce(0) { $0 + daysInMonth(year, $1) }
    }

    /// Checks a date as Python's constructors do, with their messages.
    static func validate(year: Int, month: Int, day: Int) throws {
        guard (1...9999).contains(year) else { throw valueError("year \(year) is out of range") }
        guard (1...12).contains(month) else { throw valueError("month must be in 1..12") }
        guard (1...daysInMonth(year, month)).contains(day) else { throw valueError("day is out of range for month") }
    }

    static func validate(hour: Int, minute: Int, second: Int, microsecond: Int) throws {
        guard (0...23).contains(hour) else { throw valueError("hour must be in 0..23") }
        guard (0...59).contains(minute) else { throw valueError("minute must be in 0..59") }
        guard (0...59).contains(second) else { throw valueError("second must be in 0..59") }
        guard (0...999_999).contains(microsecond) else { throw valueError("microsecond must be in 0..999999") }
    }

    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        daysBeforeYear(year) + daysBeforeMonth(year, month) + day
    }

    /// Year, month and day of an ordinal (1 ... maxOrdinal).
    static func date(ordinal: Int) -> (year: Int, month: Int, day: Int) {
        // Whole 400-, 100-, 4- and 1-year cycles before the day; the last day of a 4th century or year is Dec 31.
        var n = ordinal - 1
        let cycles400 = n / 146_097
        n %= 146_097
        let cycles100 = min(n / 36_524, 3)
        n -= cycles100 * 36_524
        let cycles4 = n / 1_461
        n %= 1_461
        let years = min(n / 365, 3)
        n -= years * 365
        let year = cycles400 * 400 + cycles100 * 100 + cycles4 * 4 + years + 1
        var month = 1
        while n >= daysInMonth(year, month) {
            n -= daysInMonth(year, month)
            month += 1
        }
        return (year, month, n + 1)
    }

    static func microseconds(_ fields: Fields) -> Int64 {
        let days = Int64(ordinal(year: fields.year, month: fields.month, day: fields.day) - 1)
        let seconds = Int64(fields.hour * 3600 + fields.minute * 60 + fields.second)
        return days * microsecondsPerDay + seconds * microsecondsPerSecond + Int64(fields.microsecond)
    }

    static func fields(_ microseconds: Int64) -> Fields {
        let (days, ofDay) = floorDivision(microseconds, microsecondsPerDay)
        let date = self.date(ordinal: Int(days) + 1)
        let seconds = Int(ofDay / microsecondsPerSecond)
        return Fields(year: date.year, month: date.month, day: date.day, hour: seconds / 3600, minute: seconds / 60 % 60,
                      second: seconds % 60, microsecond: Int(ofDay % microsecondsPerSecond))
    }

    /// Whether a wall-clock time lies within years 1 to 9999.
    static func inRange(_ microseconds: Int64) -> Bool {
        microseconds >= 0 && microseconds < Int64(maxOrdinal) * microsecondsPerDay
    }

    /// Python's `divmod` on integers: the remainder takes the divisor's sign.
    static func floorDivision(_ a: Int64, _ b: Int64) -> (quotient: Int64, remainder: Int64) {
        var quotient = a / b
        var remainder = a % b
        if remainder != 0 && (remainder < 0) != (b < 0) {
            quotient -= 1
            remainder += b
        }
        return (quotient, remainder)
    }

    static func valueError(_ message: String) -> TemplateError { TemplateError(.invalidArgument, message) }
}
