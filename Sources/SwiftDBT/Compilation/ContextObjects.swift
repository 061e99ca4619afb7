import Foundation
import Jinja

/// `exceptions.raise_compiler_error(msg)` and `exceptions.warn(msg)`.
final class ExceptionsObject: HostObject {
    let session: CompileSession
    init(session: CompileSession) { self.session = session }
    var typeName: String { "Exceptions" }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        switch name {
        case "raise_compiler_error", "raise_database_error", "raise_not_implemented":
            return .function(name) { arguments, _ in
                throw TemplateError(.raised, arguments.positional.first?.str ?? "compilation error")
            }
        case "warn":
            return .function(name) { [session] arguments, _ in
                session.log("Warning: " + (arguments.positional.first?.str ?? ""))
                return .string("")
            }
        default: return nil
        }
    }
}

/// `adapter`: dispatch and quoting; the database methods are in `AdapterObject+Database.swift`.
final class AdapterObject: HostObject {
    unowned let state: RenderState
    init(state: RenderState) { self.state = state }
    var typeName: String { "Adapter" }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        let session = state.session
        switch name {
        case "dispatch":
            return .function("dispatch") { [state] arguments, _ in
                guard let macroName = arguments.value(0, "macro_name")?.str else {
                    throw TemplateError(.invalidArgument, "adapter.dispatch() needs a macro name")
                }
                let namespace = arguments.value(1, "macro_namespace").flatMap { $0.isTruthy ? $0.str : nil }
                guard let macro = state.session.macros.dispatch(macroName, namespace: namespace) else {
                    let searched = state.session.macros.dispatchSearchOrder(namespace).joined(separator: ", ")
                    throw TemplateError(.raised, "no implementation of '\(macroName)' for adapter '\(state.session.dialect.type)' "
                                        + "(looked for \(state.session.dialect.type)__\(macroName) and default__\(macroName) in \(searched))")
                }
                return .macro(macro.definition, globals: state.scope(for: macro.packageName))
            }
        case "quote":
            return .function("quote") { arguments, _ in .string(session.dialect.quote(arguments.positional.first?.str ?? "")) }
        case "type":
            return .function("type") { _, _ in .string(session.dialect.type) }
        default:
            return databaseAttribute(name)
        }
    }
}

/// A `datetime` value (`run_started_at`, `modules.datetime.datetime.now()`).
final class DateTimeObject: HostObject {
    let date: Date
    init(_ date: Date) { self.date = date }
    var typeName: String { "datetime" }

    private var utcCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }

    var display: String { format("%Y-%m-%d %H:%M:%S.%f+00:00") }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        let parts = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        switch name {
        case "year": return .int(parts.year ?? 0)
        case "month": return .int(parts.month ?? 0)
        case "day": return .int(parts.day ?? 0)
        case "hour": return .int(parts.hour ?? 0)
        case "minute": return .int(parts.minute ?? 0)
        case "second": return .int(parts.second ?? 0)
        case "strftime":
            return .function("strftime") { [self] arguments, _ in .string(format(arguments.positional.first?.str ?? "")) }
        case "isoformat":
            return .function("isoformat") { [self] _, _ in .string(format("%Y-%m-%dT%H:%M:%S.%f+00:00")) }
        case "timestamp":
            return .function("timestamp") { [self] _, _ in .float(date.timeIntervalSince1970) }
        default: return nil
        }
    }

    /// C `strftime` codes in UTC, plus Python's `%f` (microseconds).
    func format(_ pattern: String) -> String {
        let parts = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        var out = ""
        var iterator = pattern.makeIterator()
        while let character = iterator.next() {
            guard character == "%", let code = iterator.next() else {
                out.append(character)
                continue
            }
            func pad(_ value: Int?, _ width: Int = 2) -> String {
                let text = String(value ?? 0)
                return String(repeating: "0", count: max(0, width - text.count)) + text
            }
            switch code {
            case "Y": out += pad(parts.year, 4)
            case "m": out += pad(parts.month)
            case "d": out += pad(parts.day)
            case "H": out += pad(parts.hour)
            case "M": out += pad(parts.minute)
            case "S": out += pad(parts.second)
            case "f": out += pad((parts.nanosecond ?? 0) / 1000, 6)
            case "%": out += "%"
            default: out += "%" + String(code)
            }
        }
        return out
    }
}

/// `modules`: the Python modules dbt exposes, as far as templates use them (`datetime`, `re`).
final class ModulesObject: HostObject {
    var typeName: String { "Modules" }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        switch name {
        case "datetime": return .object(DateTimeModule())
        case "re": return .object(RegexModule())
        default: return nil
        }
    }
}

/// `modules.datetime`: `datetime.now()`, `datetime.utcnow()`, `date.today()`.
final class DateTimeModule: HostObject {
    var typeName: String { "module" }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        switch name {
        case "datetime", "date": return .object(self)
        case "now", "utcnow", "today": return .function(name) { _, _ in .object(DateTimeObject(Date())) }
        default: return nil
        }
    }
}
