import Foundation
import Jinja

/// A `tzinfo`: UTC (`pytz.utc`, `datetime.timezone.utc`), a fixed offset (`datetime.timezone(timedelta(hours=1))`)
/// or a named zone (`pytz.timezone('America/New_York')`, from the system's zone database).
final class TimeZoneObject: HostObject, Sendable {
    enum Rule: Sendable {
        case fixed(seconds: Int, name: String?)
        case named(TimeZone)
    }

    let rule: Rule

    init(_ rule: Rule) { self.rule = rule }

    static let utc = TimeZoneObject(.fixed(seconds: 0, name: "UTC"))

    /// `pytz.timezone(name)`.
    static func named(_ name: String) throws -> TimeZoneObject {
        if name.uppercased() == "UTC" { return utc }
        guard let zone = TimeZone(identifier: name) else { throw TemplateError(.raised, "UnknownTimeZoneError: '\(name)'") }
        return TimeZoneObject(.named(zone))
    }

    var typeName: String {
        if case .named = rule { return "DstTzInfo" }
        return "timezone"
    }

    var display: String {
        switch rule {
        case .fixed(let seconds, let name): return name ?? TimeZoneObject.offsetName(seconds)
        case .named(let zone): return zone.identifier
        }
    }

    /// The offset from UTC, in seconds, at a UTC instant.
    func offset(atUTC microseconds: Int64) -> Int {
        switch rule {
        case .fixed(let seconds, _): return seconds
        case .named(let zone): return zone.secondsFromGMT(for: TimeZoneObject.date(microseconds))
        }
    }

    /// The offset that applies to a wall-clock time in this zone (the later one when the clock repeats an hour).
    func offset(atLocal microseconds: Int64) -> Int {
        let guess = offset(atUTC: microseconds)
        return offset(atUTC: microseconds - Int64(guess) * CivilCalendar.microsecondsPerSecond)
    }

    /// The zone's name for the time at a UTC instant (`%Z`, `tzname()`).
    func name(atUTC microseconds: Int64) -> String {
        switch rule {
        case .fixed: return display
        case .named(let zone):
            // ICU's US-English short names (EST, EDT, PST); zones it has none for come out as GMT+1.
            let date = TimeZoneObject.date(microseconds)
            let style: NSTimeZone.NameStyle = zone.isDaylightSavingTime(for: date) ? .shortDaylightSaving : .shortStandard
            return zone.localizedName(for: style, locale: Locale(identifier: "en_US"))
                ?? TimeZoneObject.offsetName(zone.secondsFromGMT(for: date))
        }
    }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        switch name {
        case "zone": return .string(display)
        case "localize":
            // pytz: a naive wall-clock time, placed in this zone.
            return .function(name) { [self] arguments, _ in
                let value = try DateTimeObject.argument(arguments.value(0, "dt"), "localize")
                guard value.zone == nil else { throw TemplateError(.invalidArgument, "Not naive datetime (tzinfo is already set)") }
                return .object(value.placed(in: self))
            }
        case "normalize":
            return .function(name) { [self] arguments, _ in
                .object(try DateTimeObject.argument(arguments.value(0, "dt"), "normalize").converted(to: self))
            }
        case "utcoffset":
            return .function(name) { [self] arguments, _ in
                guard let value = try? DateTimeObject.argument(arguments.value(0, "dt"), "utcoffset") else {
                    if case .fixed(let seconds, _) = rule { return .object(TimeDeltaObject(microseconds: Int64(seconds) * 1_000_000)) }
                    return .none
                }
                return .object(TimeDeltaObject(microseconds: Int64(offset(atLocal: value.local)) * 1_000_000))
            }
        case "tzname":
            return .function(name) { [self] arguments, _ in
                guard let value = try? DateTimeObject.argument(arguments.value(0, "dt"), "tzname") else { return .string(display) }
                let seconds = offset(atLocal: value.local)
                return .string(self.name(atUTC: value.local - Int64(seconds) * CivilCalendar.microsecondsPerSecond))
            }
        default: return nil
        }
    }

    func equals(_ other: Value) -> Bool? {
        guard case .object(let object) = other, let zone = object as? TimeZoneObject else { return false }
        switch (rule, zone.rule) {
        case (.fixed(let a, _), .fixed(let b, _)): return a == b
        case (.named(let a), .named(let b)): return a.identifier == b.identifier
        default: return false
        }
    }

    /// `UTC+01:00`, as Python names an unnamed fixed offset.
    static func offsetName(_ seconds: Int) -> String {
        seconds == 0 ? "UTC" : "UTC" + offsetText(seconds, separator: ":")
    }

    /// `+01:00` (`%z` writes it without the colon); seconds only when there are some.
    static func offsetText(_ seconds: Int, separator: String) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        var text = sign + two(magnitude / 3600) + separator + two(magnitude / 60 % 60)
        if magnitude % 60 != 0 { text += separator + two(magnitude % 60) }
        return text
    }

    static func date(_ microseconds: Int64) -> Date {
        let unix = microseconds - Int64(CivilCalendar.unixEpochOrdinal - 1) * CivilCalendar.microsecondsPerDay
        return Date(timeIntervalSince1970: Double(unix) / 1e6)
    }

    /// Microseconds from 0001-01-01 of an instant (clamped to about ±30,000 years, far outside any date's range).
    static func microseconds(_ date: Date) -> Int64 {
        let unix = (date.timeIntervalSince1970 * 1e6).rounded()
        let clamped = unix.isFinite ? min(max(unix, -1e18), 1e18) : 0
        return Int64(clamped) + Int64(CivilCalendar.unixEpochOrdinal - 1) * CivilCalendar.microsecondsPerDay
    }
}
