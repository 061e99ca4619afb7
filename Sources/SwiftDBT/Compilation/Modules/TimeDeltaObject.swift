import Jinja

/// Python's `datetime.timedelta`: a signed number of microseconds, shown as days, seconds and microseconds.
final class TimeDeltaObject: HostObject, Sendable {
    let microseconds: Int64

    init(microseconds: Int64) { self.microseconds = microseconds }

    /// `timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)`.
    static func make(_ arguments: Arguments) throws -> TimeDeltaObject {
        let names = ["days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"]
        let scale: [Double] = [86_400e6, 1e6, 1, 1e3, 60e6, 3_600e6, 604_800e6]
        let values = try arguments.bind("timedelta", names)
        var total = 0.0
        for (value, factor) in zip(values, scale) {
            switch value {
            case .undefined: continue
            case .int(let i): total += Double(i) * factor
            case .float(let d): total += d * factor
            case .bool(let b): total += b ? factor : 0
            default: throw TemplateError(.invalidArgument, "unsupported type for timedelta component: \(value.typeName)")
            }
        }
        return try checked(total)
    }

    /// The most microseconds a timedelta holds here (about 31,700 years; Python allows more, which no date
    /// arithmetic can use).
    static let limit: Int64 = 1_000_000_000_000_000_000

    /// A timedelta of `microseconds` (rounded half to even), or Python's `OverflowError`.
    static func checked(_ microseconds: Double) throws -> TimeDeltaObject {
        guard microseconds.isFinite, abs(microseconds) <= Double(limit) else { throw overflow() }
        return TimeDeltaObject(microseconds: Int64(microseconds.rounded(.toNearestOrEven)))
    }

    /// A timedelta from an integer result, or Python's `OverflowError` when it overflowed or is too large.
    static func checked(_ result: (partialValue: Int64, overflow: Bool)) throws -> TimeDeltaObject {
        guard !result.overflow, abs(result.partialValue) <= limit else { throw overflow() }
        return TimeDeltaObject(microseconds: result.partialValue)
    }

    private static func overflow() -> TemplateError { TemplateError(.invalidOperation, "OverflowError: timedelta is too large") }

    var typeName: String { "timedelta" }

    private var parts: (days: Int64, seconds: Int64, microseconds: Int64) {
        let (days, rest) = CivilCalendar.floorDivision(microseconds, CivilCalendar.microsecondsPerDay)
        return (days, rest / CivilCalendar.microsecondsPerSecond, rest % CivilCalendar.microsecondsPerSecond)
    }

    var display: String {
        let (days, seconds, micro) = parts
        var text = "\(seconds / 3600):" + twoDigits(seconds / 60 % 60) + ":" + twoDigits(seconds % 60)
        if days != 0 { text = "\(days) day\(abs(days) == 1 ? "" : "s"), " + text }
        if micro != 0 {
            let digits = String(micro)
            text += "." + String(repeating: "0", count: 6 - digits.count) + digits
        }
        return text
    }

    var isTruthy: Bool { microseconds != 0 }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        switch name {
        case "days": return .int(Int(parts.days))
        case "seconds": return .int(Int(parts.seconds))
        case "microseconds": return .int(Int(parts.microseconds))
        case "total_seconds": return .function(name) { [microseconds] _, _ in .float(Double(microseconds) / 1e6) }
        default: return nil
        }
    }

    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        if case .object(let object) = other, let delta = object as? TimeDeltaObject {
            let (a, b) = reflected ? (delta.microseconds, microseconds) : (microseconds, delta.microseconds)
            switch op {
            case .add: return .object(try TimeDeltaObject.checked(a.addingReportingOverflow(b)))
            case .subtract: return .object(try TimeDeltaObject.checked(a.subtractingReportingOverflow(b)))
            case .divide:
                guard b != 0 else { throw TemplateError(.invalidOperation, "division by zero") }
                return .float(Double(a) / Double(b))
            case .floorDivide:
                guard b != 0 else { throw TemplateError(.invalidOperation, "integer division or modulo by zero") }
                return .int(Int(CivilCalendar.floorDivision(a, b).quotient))
            default: return nil
            }
        }
        switch (op, other) {
        case (.multiply, .int(let factor)):
            return .object(try TimeDeltaObject.checked(microseconds.multipliedReportingOverflow(by: Int64(factor))))
        case (.multiply, .float(let factor)): return .object(try TimeDeltaObject.checked(Double(microseconds) * factor))
        case (.floorDivide, .int(let divisor)) where !reflected:
            guard divisor != 0 else { throw TemplateError(.invalidOperation, "integer division or modulo by zero") }
            return .object(TimeDeltaObject(microseconds: CivilCalendar.floorDivision(microseconds, Int64(divisor)).quotient))
        case (.divide, .int(let divisor)) where !reflected:
            guard divisor != 0 else { throw TemplateError(.invalidOperation, "division by zero") }
            return .object(try TimeDeltaObject.checked(Double(microseconds) / Double(divisor)))
        default: return nil
        }
    }

    func equals(_ other: Value) -> Bool? {
        guard case .object(let object) = other, let delta = object as? TimeDeltaObject else { return false }
        return delta.microseconds == microseconds
    }

    func compare(to other: Value) throws -> Int? {
        guard case .object(let object) = other, let delta = object as? TimeDeltaObject else { return nil }
        return microseconds == delta.microseconds ? 0 : (microseconds < delta.microseconds ? -1 : 1)
    }

    private func twoDigits(_ value: Int64) -> String { value < 10 ? "0\(value)" : String(value) }
}
