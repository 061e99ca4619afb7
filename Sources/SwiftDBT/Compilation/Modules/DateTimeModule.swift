import Foundation
import Jinja

/// `modules.datetime`: the classes `datetime`, `date` and `timedelta` (dbt's `modules.datetime` has no `timezone`).
final class DateTimeModule: HostObject, Sendable {
    var typeName: String { "module" }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        switch name {
        case "datetime": return .object(DateTimeClass(isDate: false))
        case "date": return .object(DateTimeClass(isDate: true))
        case "timedelta": return .object(TimeDeltaClass())
        default: return nil
        }
    }
}

/// `datetime.datetime` and `datetime.date`: the constructor and the class methods.
final class DateTimeClass: HostObject, Sendable {
    let isDate: Bool

    init(isDate: Bool) { self.isDate = isDate }

    var typeName: String { "type" }
    var display: String { isDate ? "<class 'datetime.date'>" : "<class 'datetime.datetime'>" }

    /// `datetime(year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None)` or `date(year, month, day)`.
    func call(_ arguments: Arguments, _ context: CallContext) throws -> Value {
        let names = isDate ? ["year", "month", "day"] : ["year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo"]
        let values = try arguments.bind(isDate ? "date" : "datetime", names)
        var numbers: [Int] = []
        for (index, value) in values.prefix(7).enumerated() {
            switch value {
            case .int(let i): numbers.append(i)
            case .undefined where index >= 3: numbers.append(0)
            case .undefined: throw TemplateError(.invalidArgument, "function missing required argument '\(names[index])' (pos \(index + 1))")
            default: throw TemplateError(.invalidArgument, "'\(value.typeName)' object cannot be interpreted as an integer")
            }
        }
        if isDate { numbers += [0, 0, 0, 0] }
        let parts = CivilCalendar.Fields(year: numbers[0], month: numbers[1], day: numbers[2], hour: numbers[3],
                                         minute: numbers[4], second: numbers[5], microsecond: numbers[6])
        try CivilCalendar.validate(year: parts.year, month: parts.month, day: parts.day)
        try CivilCalendar.validate(hour: parts.hour, minute: parts.minute, second: parts.second, microsecond: parts.microsecond)
        let value = DateTimeObject(local: CivilCalendar.microseconds(parts), isDate: isDate)
        guard values.count > 7, case .object(let object) = values[7], let zone = object as? TimeZoneObject else { return .object(value) }
        return .object(value.placed(in: zone))
    }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        let isDate = self.isDate
        switch name {
        case "now" where !isDate:
            return .function(name) { arguments, _ in
                guard case .object(let object)? = arguments.value(0, "tz"), let zone = object as? TimeZoneObject else {
                    return .object(DateTimeClass.localNow(isDate: false))
                }
                return .object(DateTimeObject(utc: TimeZoneObject.microseconds(Date()), zone: zone))
            }
        case "today":
            return .function(name) { _, _ in .object(DateTimeClass.localNow(isDate: isDate)) }
        case "utcnow" where !isDate:
            return .function(name) { _, _ in .object(DateTimeObject(local: TimeZoneObject.microseconds(Date()))) }
        case "strptime" where !isDate:
            return .function(name) { arguments, _ in
                guard let text = arguments.value(0, "date_string")?.stringValue, let pattern = arguments.value(1, "format")?.stringValue else {
                    throw TemplateError(.invalidArgument, "strptime() argument 1 must be str")
                }
                return .object(try PythonTimeFormat.parse(text, pattern))
            }
        case "fromisoformat":
            return .function(name) { arguments, _ in
                let text = arguments.value(0, "date_string")?.str ?? ""
                return .object(try DateTimeClass.fromISOFormat(text, isDate: isDate))
            }
        case "fromordinal":
            return .function(name) { arguments, _ in
                guard case .int(let ordinal)? = arguments.value(0, "ordinal"), (1...CivilCalendar.maxOrdinal).contains(ordinal) else {
                    throw TemplateError(.invalidArgument, "ordinal must be >= 1")
                }
                return .object(DateTimeObject(local: Int64(ordinal - 1) * CivilCalendar.microsecondsPerDay, isDate: isDate))
            }
        case "fromtimestamp":
            return .function(name) { arguments, _ in
                let seconds: Double
                switch arguments.value(0, "timestamp") {
                case .int(let i)?: seconds = Double(i)
                case .float(let d)?: seconds = d
                default: throw TemplateError(.invalidArgument, "an integer or float is required")
                }
                guard seconds.isFinite, abs(seconds) < 1e12 else { throw TemplateError(.invalidArgument, "year is out of range") }
                let utc = TimeZoneObject.microseconds(Date(timeIntervalSince1970: seconds))
                if case .object(let object)? = arguments.value(1, "tz"), let zone = object as? TimeZoneObject, !isDate {
                    return .object(DateTimeObject(utc: utc, zone: zone))
                }
                return .object(DateTimeClass.local(utc: utc, isDate: isDate))
            }
        default: return nil
        }
    }

    /// The machine's local date or time, naive.
    private static func localNow(isDate: Bool) -> DateTimeObject {
        local(utc: TimeZoneObject.microseconds(Date()), isDate: isDate)
    }

    /// A UTC instant as the machine's local date or time, naive.
    private static func local(utc: Int64, isDate: Bool) -> DateTimeObject {
        let now = DateTimeObject(utc: utc, zone: TimeZoneObject(.named(TimeZone.current)))
        return isDate ? now.day : DateTimeObject(local: now.local)
    }

    /// `fromisoformat`: `YYYY-MM-DD`, then for datetimes `[T ]HH[:MM[:SS[.ffffff]]]` and an offset.
    private static func fromISOFormat(_ text: String, isDate: Bool) throws -> DateTimeObject {
        let invalid = TemplateError(.invalidArgument, "Invalid isoformat string: \(Value.string(text).repr)")
        let patterns = isDate ? ["%Y-%m-%d"] : ["%Y-%m-%d", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%S.%f",
                                                "%Y-%m-%dT%H:%M%z", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S.%f%z"]
        let normalized = !isDate && text.count > 10 && Array(text)[10] == " "
            ? String(text.prefix(10)) + "T" + String(text.dropFirst(11)) : text
        for pattern in patterns {
            if let value = try? PythonTimeFormat.parse(normalized, pattern) {
                return isDate ? DateTimeObject(local: value.local, isDate: true) : value
            }
        }
        throw invalid
    }
}

/// `datetime.timedelta(...)`.
final class TimeDeltaClass: HostObject, Sendable {
    var typeName: String { "type" }
    var display: String { "<class 'datetime.timedelta'>" }
    func call(_ arguments: Arguments, _ context: CallContext) throws -> Value { .object(try TimeDeltaObject.make(arguments)) }
}
