import ArrowIPC
import Foundation
import SwiftDBT

/// The ISO text the core reads dates and timestamps as (`QueryResult.temporal`), from Arrow's day and unit counts
/// since 1970-01-01, in the proleptic Gregorian calendar: `YYYY-MM-DD` and `YYYY-MM-DD HH:MM:SS[.ffffff]`.
enum SparkTemporalText {
    static func date(_ days: Int64) -> String {
        let (year, month, day) = CivilDate.of(daysSince1970: days)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// A count of `1/perSecond` seconds since the epoch; the fraction without trailing zeros, none when whole.
    static func timestamp(_ value: Int64, perSecond: Int64) -> String {
        let (seconds, fraction) = floorDivision(value, perSecond)
        let (days, time) = floorDivision(seconds, 86_400)
        var text = date(days) + " " + pad(time / 3600, 2) + ":" + pad(time / 60 % 60, 2) + ":" + pad(time % 60, 2)
        if fraction != 0 {
            var digits = pad(fraction, String(perSecond).count - 1)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text
    }

    /// A zoned timestamp, which Spark sends as an instant (a count since the epoch in UTC, its schema naming the
    /// session's time zone), as the wall clock of `zone` without an offset: pyspark hands dbt-spark such a value as a
    /// naive `datetime` in the local time zone of the process (`astimezone()`), whatever the session's zone.
    static func timestamp(_ value: Int64, perSecond: Int64, in zone: TimeZone) -> String {
        let seconds = floorDivision(value, perSecond).quotient
        let offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
        let (local, overflow) = value.addingReportingOverflow(offset * perSecond)
        return timestamp(overflow ? value : local, perSecond: perSecond)
    }

    /// Milliseconds since the epoch (Arrow's date64) as a date.
    static func date(milliseconds: Int64) -> String {
        date(floorDivision(milliseconds, 86_400_000).quotient)
    }

    /// How many of `unit` make a second.
    static func perSecond(_ unit: ArrowTimeUnit) -> Int64 {
        switch unit {
        case .second: return 1
        case .millisecond: return 1_000
        case .microsecond: return 1_000_000
        case .nanosecond: return 1_000_000_000
        }
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }

    private static func pad(_ number: Int64, _ width: Int) -> String {
        let digits = String(number.magnitude)
        return (number < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
