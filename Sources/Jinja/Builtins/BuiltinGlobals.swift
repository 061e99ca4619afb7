/// Jinja2's global functions: `range`, `dict`, `namespace`, `cycler`, `joiner`.
enum BuiltinGlobals {
    static let maxRangeLength = 10_000_000

    static let all: [String: Environment.Function] = [
        "range": range,
        "dict": { arguments, _ in
            let storage = DictStorage()
            if let first = arguments.positional.first, case .dict(let source) = first {
                for (key, value) in source.entries { storage[key] = value }
            }
            for (name, value) in arguments.keyword { storage[name] = value }
            return .dict(storage)
        },
        "namespace": { arguments, _ in
            let namespace = Namespace()
            if let first = arguments.positional.first, case .dict(let source) = first {
                for (key, value) in source.entries { namespace.storage[key] = value }
            }
            for (name, value) in arguments.keyword { namespace.storage[name] = value }
            return .object(namespace)
        },
        "cycler": { arguments, _ in .object(Cycler(arguments.positional)) },
        "joiner": { arguments, _ in
            let separator = arguments.value(0, "sep")?.str ?? ", "
            var used = false
            return .function("joiner") { _, _ in
                defer { used = true }
                return .string(used ? separator : "")
            }
        },
    ]

    /// `range(stop)`, `range(start, stop[, step])`, as a list.
    private static func range(_ arguments: Arguments, _ context: CallContext) throws -> Value {
        let numbers = try arguments.positional.map { value -> Int in
            switch value {
            case .int(let i): return i
            case .bool(let b): return b ? 1 : 0
            default: throw TemplateError(.invalidOperation, "'\(value.typeName)' object cannot be interpreted as an integer")
            }
        }
        let (start, stop, step): (Int, Int, Int)
        switch numbers.count {
        case 1: (start, stop, step) = (0, numbers[0], 1)
        case 2: (start, stop, step) = (numbers[0], numbers[1], 1)
        case 3: (start, stop, step) = (numbers[0], numbers[1], numbers[2])
        default: throw TemplateError(.invalidArgument, "range expected 1 to 3 arguments, got \(numbers.count)")
        }
        guard step != 0 else { throw TemplateError(.invalidArgument, "range() arg 3 must not be zero") }
        let span = step > 0 ? (stop.subtractingReportingOverflow(start)) : (start.subtractingReportingOverflow(stop))
        let count = span.overflow ? Int.max : max(0, (span.partialValue + abs(step) - 1) / abs(step))
        guard count <= maxRangeLength else {
            throw TemplateError(.limitExceeded, "range() of \(count) items exceeds the limit of \(maxRangeLength)")
        }
        return .list(Swift.stride(from: start, to: stop, by: step).map { .int($0) })
    }
}

/// `cycler(a, b, ...)`: `next()` walks the items round and round; `current` is the one up next.
final class Cycler: HostObject {
    let items: [Value]
    var position = 0

    init(_ items: [Value]) { self.items = items }

    var typeName: String { "Cycler" }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        switch name {
        case "current": return items.isEmpty ? .none : items[position]
        case "next":
            return .function("next") { [self] _, _ in
                guard !items.isEmpty else { return .none }
                defer { position = (position + 1) % items.count }
                return items[position]
            }
        case "reset":
            return .function("reset") { [self] _, _ in
                position = 0
                return .none
            }
        default: return nil
        }
    }
}
