import Foundation
import Jinja

/// A Python `datetime.datetime` or `datetime.date` (`run_started_at`, `modules.datetime.datetime(2024, 1, 31)`):
/// a wall-clock time, and for an aware datetime its zone and the UTC offset in force at that time.
final class DateTimeObject: HostObject, Sendable {
    /// Microseconds from 0001-01-01 00:00, wall clock.
    let local: Int64
    let zone: TimeZoneObject?
    /// Seconds east of UTC (0 when naive).
    let offset: Int
    /// A `date` (no time of day) rather than a `datetime`.
    let isDate: Bool

    init(local: Int64, zone: TimeZoneObject? = nil, offset: Int = 0, isDate: Bool = false) {
        self.local = local
        self.zone = zone
        self.offset = zone == nil ? 0 : offset
        self.isDate = isDate
    }

    /// An aware datetime at a UTC instant, in `zone`.
    convenience init(utc: Int64, zone: TimeZoneObject) {
        let offset = zone.offset(atUTC: utc)
        self.init(local: utc + Int64(offset) * CivilCalendar.microsecondsPerSecond, zone: zone, offset: offset)
    }

    /// `run_started_at`: an instant in UTC, aware, as dbt gives it.
    convenience init(_ date: Date) {
        self.init(utc: TimeZoneObject.microseconds(date), zone: .utc)
    }

    /// The datetime argument of a function, or a Python-style type error.
    static func argument(_ value: Value?, _ function: String) throws -> DateTimeObject {
        guard case .object(let object)? = value, let found = object as? DateTimeObject else {
            throw TemplateError(.invalidArgument, "\(function)() argument must be datetime.datetime, not \(value?.typeName ?? "None")")
        }
        return found
    }

    /// The date part, as a `date`.
    var day: DateTimeObject {
        DateTimeObject(local: local - CivilCalendar.floorDivision(local, CivilCalendar.microsecondsPerDay).remainder, isDate: true)
    }

    var fields: CivilCalendar.Fields { CivilCalendar.fields(local) }
    var ordinal: Int { Int(CivilCalendar.floorDivision(local, CivilCalendar.microsecondsPerDay).quotient) + 1 }
    /// Monday is 0.
    var weekday: Int { (ordinal + 6) % 7 }
    /// The UTC instant; a naive time counts as the machine's local time (as Python's `timestamp()` does).
    var utc: Int64 {
        let seconds = zone == nil ? TimeZone.current.secondsFromGMT(for: TimeZoneObject.date(local)) : offset
        return local - Int64(seconds) * CivilCalendar.microsecondsPerSecond
    }
    var zoneName: String? { zone.map { $0.name(atUTC: utc) } }

    /// The same wall-clock time in `zone` (pytz's `localize`, `replace(tzinfo=...)`).
    func placed(in zone: TimeZoneObject?) -> DateTimeObject {
        DateTimeObject(local: local, zone: zone, offset: zone?.offset(atLocal: local) ?? 0, isDate: isDate)
    }

    /// The same instant in `zone` (`astimezone`).
    func converted(to zone: TimeZoneObject) -> DateTimeObject { DateTimeObject(utc: utc, zone: zone) }

    var typeName: String { isDate ? "date" : "datetime" }

    var display: String { isoformat(separator: " ") }

    func isoformat(separator: String) -> String {
        let year = String(fields.year)
        let padded = String(repeating: "0", count: max(0, 4 - year.count)) + year
        if isDate { return padded + PythonTimeFormat.format("-%m-%d", self) }
        var text = padded + PythonTimeFormat.format("-%m-%d" + separator + "%H:%M:%S", self)
        let micro = fields.microsecond
        if micro != 0 { text += PythonTimeFormat.format(".%f", self) }
        if zone != nil { text += TimeZoneObject.offsetText(offset, separator: ":") }
        return text
    }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        let parts = fields
        switch name {
        case "year": return .int(parts.year)
        case "month": return .int(parts.month)
        case "day": return .int(parts.day)
        case "hour" where !isDate: return .int(parts.hour)
        case "minute" where !isDate: return .int(parts.minute)
        case "second" where !isDate: return .int(parts.second)
        case "microsecond" where !isDate: return .int(parts.microsecond)
        case "tzinfo" where !isDate: return zone.map { Value.object($0) } ?? Value.none
        default: break
        }
        return method(name)
    }

    private func method(_ name: String) -> Value? {
        let body: Jinja.Environment.Function
        switch name {
        case "strftime":
            body = { [self] arguments, _ in .string(PythonTimeFormat.format(arguments.value(0, "format")?.str ?? "", self)) }
        case "isoformat":
            body = { [self] arguments, _ in .string(isoformat(separator: arguments.value(0, "sep")?.str ?? "T")) }
        case "weekday": body = { [self] _, _ in .int(weekday) }
        case "isoweekday": body = { [self] _, _ in .int(weekday + 1) }
        case "toordinal": body = { [self] _, _ in .int(ordinal) }
        case "replace": body = { [self] arguments, _ in .object(try replaced(arguments)) }
        case "date" where !isDate: body = { [self] _, _ in .object(day) }
        case "timestamp" where !isDate:
            body = { [self] _, _ in .float(Double(utc - Int64(CivilCalendar.unixEpochOrdinal - 1) * CivilCalendar.microsecondsPerDay) / 1e6) }
        case "astimezone" where !isDate:
            body = { [self] arguments, _ in
                guard case .object(let object)? = arguments.value(0, "tz"), let zone = object as? TimeZoneObject else {
                    return .object(converted(to: TimeZoneObject(.fixed(seconds: TimeZone.current.secondsFromGMT(), name: nil))))
                }
                return .object(converted(to: zone))
            }
        case "utcoffset" where !isDate:
            body = { [self] _, _ in zone == nil ? .none : .object(TimeDeltaObject(microseconds: Int64(offset) * 1_000_000)) }
        case "tzname" where !isDate: body = { [self] _, _ in zoneName.map(Value.string) ?? .none }
        default: return nil
        }
        return .function(name, body)
    }

    /// `replace(year=, month=, day=, hour=, minute=, second=, microsecond=, tzinfo=)`.
    private func replaced(_ arguments: Arguments) throws -> DateTimeObject {
        let names = isDate ? ["year", "month", "day"]
            : ["year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo"]
        let values = try arguments.bind("replace", names)
        var parts = fields
        let current = [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second, parts.microsecond]
        var numbers: [Int] = []
        for (index, value) in values.prefix(7).enumerated() {
            switch value {
            case .undefined: numbers.append(current[index])
            case .int(let i): numbers.append(i)
            default: throw TemplateError(.invalidArgument, "'\(value.typeName)' object cannot be interpreted as an integer")
            }
        }
        if isDate { numbers += [0, 0, 0, 0] }
        parts = CivilCalendar.Fields(year: numbers[0], month: numbers[1], day: numbers[2], hour: numbers[3],
                                     minute: numbers[4], second: numbers[5], microsecond: numbers[6])
        try CivilCalendar.validate(year: parts.year, month: parts.month, day: parts.day)
        try CivilCalendar.validate(hour: parts.hour, minute: parts.minute, second: parts.second, microsecond: parts.microsecond)
        let moved = DateTimeObject(local: CivilCalendar.microseconds(parts), zone: zone, offset: offset, isDate: isDate)
        guard values.count > 7 else { return moved }
        switch values[7] {
        case .undefined: return moved
        case .none: return moved.placed(in: nil)
        case .object(let object as TimeZoneObject): return moved.placed(in: object)
        default: throw TemplateError(.invalidArgument, "tzinfo argument must be None or of a tzinfo subclass, not type '\(values[7].typeName)'")
        }
    }

    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard case .object(let object) = other else { return nil }
        if let delta = object as? TimeDeltaObject, op == .add || (op == .subtract && !reflected) {
            // A date moves by the delta's whole days (`timedelta.days`, rounded down), in either direction.
            let days = CivilCalendar.floorDivision(delta.microseconds, CivilCalendar.microsecondsPerDay).quotient
            let whole = isDate ? days * CivilCalendar.microsecondsPerDay : delta.microseconds
            let step = op == .add ? whole : -whole
            let moved = local + step
            guard CivilCalendar.inRange(moved) else { throw TemplateError(.invalidOperation, "date value out of range") }
            return .object(DateTimeObject(local: moved, zone: zone, offset: offset, isDate: isDate))
        }
        guard op == .subtract, let other = object as? DateTimeObject, other.isDate == isDate else { return nil }
        guard (zone == nil) == (other.zone == nil) else {
            throw TemplateError(.invalidOperation, "can't subtract offset-naive and offset-aware datetimes")
        }
        let (a, b) = reflected ? (other, self) : (self, other)
        let difference = zone == nil ? a.local - b.local : a.utc - b.utc
        return .object(TimeDeltaObject(microseconds: difference))
    }

    func equals(_ other: Value) -> Bool? {
        guard case .object(let object) = other, let other = object as? DateTimeObject, other.isDate == isDate,
              (zone == nil) == (other.zone == nil) else { return false }
        return zone == nil ? local == other.local : utc == other.utc
    }

    func compare(to other: Value) throws -> Int? {
        guard case .object(let object) = other, let other = object as? DateTimeObject else { return nil }
        guard other.isDate == isDate else {
            throw TemplateError(.invalidOperation, "can't compare datetime.datetime to datetime.date")
        }
        guard (zone == nil) == (other.zone == nil) else {
            throw TemplateError(.invalidOperation, "can't compare offset-naive and offset-aware datetimes")
        }
        let (a, b) = zone == nil ? (local, other.local) : (utc, other.utc)
        return a == b ? 0 : (a < b ? -1 : 1)
    }
}
