import Jinja

/// `modules.itertools`: the finite builders of the ones dbt exposes, returning lists (templates only iterate them);
/// `count`, `cycle` and `tee` never end or need lazy iterators, `accumulate` Python's `+`: not offered.
final class ItertoolsModule: HostObject, Sendable {
    var typeName: String { "module" }
    /// The most items one call may produce (`product` of a few long lists grows fast).
    static let maxItems = 1_000_000

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        guard let body = ItertoolsModule.functions[name] else { return nil }
        return .function(name, body)
    }

    private static let functions: [String: Jinja.Environment.Function] = [
        "chain": { arguments, context in
            .list(try capped(arguments.positional.flatMap { try context.iterate($0) }))
        },
        "product": { arguments, context in
            let repeatCount = try count(arguments.named("repeat") ?? .int(1), "repeat")
            let pools = Array(repeating: try arguments.positional.map { try context.iterate($0) }, count: repeatCount).flatMap { $0 }
            var result: [[Value]] = [[]]
            for pool in pools {
                guard result.count * pool.count <= maxItems else { throw tooMany() }
                result = result.flatMap { prefix in pool.map { prefix + [$0] } }
            }
            return .list(result.map { .tuple($0) })
        },
        "combinations": { arguments, context in
            let pool = try context.iterate(arguments.value(0, "iterable") ?? .list([]))
            let size = try count(arguments.value(1, "r") ?? .undefined("r"), "r")
            return .list(try choose(pool, size, replacement: false).map { .tuple($0) })
        },
        "combinations_with_replacement": { arguments, context in
            let pool = try context.iterate(arguments.value(0, "iterable") ?? .list([]))
            let size = try count(arguments.value(1, "r") ?? .undefined("r"), "r")
            return .list(try choose(pool, size, replacement: true).map { .tuple($0) })
        },
        "permutations": { arguments, context in
            let pool = try context.iterate(arguments.value(0, "iterable") ?? .list([]))
            let given = arguments.value(1, "r")
            let size = given == nil || given?.isNone == true ? pool.count : try count(given ?? .none, "r")
            return .list(try arrange(pool, size).map { .tuple($0) })
        },
        "islice": { arguments, context in
            let items = try context.iterate(arguments.value(0, "iterable") ?? .list([]))
            let bounds = Array(arguments.positional.dropFirst())
            func bound(_ value: Value?, _ fallback: Int) throws -> Int {
                guard let value, !value.isNone else { return fallback }
                return try count(value, "Indices for islice()")
            }
            let (start, stop, step) = bounds.count <= 1
                ? (0, try bound(bounds.first, items.count), 1)
                : (try bound(bounds[0], 0), try bound(bounds[1], items.count), try bound(bounds.count > 2 ? bounds[2] : nil, 1))
            guard step > 0 else { throw TemplateError(.invalidArgument, "Step for islice() must be a positive integer or None.") }
            return .list(stride(from: start, to: min(stop, items.count), by: step).map { items[$0] })
        },
        "zip_longest": { arguments, context in
            let sequences = try arguments.positional.map { try context.iterate($0) }
            let fill = arguments.named("fillvalue") ?? .none
            let length = sequences.map(\.count).max() ?? 0
            return .list((0..<length).map { index in .tuple(sequences.map { index < $0.count ? $0[index] : fill }) })
        },
        "repeat": { arguments, _ in
            guard let times = arguments.value(1, "times") else {
                throw TemplateError(.invalidArgument, "itertools.repeat() without 'times' never ends; give a count")
            }
            return .list(Array(repeating: arguments.value(0, "object") ?? .none, count: try capped(count: count(times, "times"))))
        },
        "compress": { arguments, context in
            let data = try context.iterate(arguments.value(0, "data") ?? .list([]))
            let selectors = try context.iterate(arguments.value(1, "selectors") ?? .list([]))
            return .list(zip(data, selectors).filter { $0.1.isTruthy }.map(\.0))
        },
        "starmap": { arguments, context in
            let function = arguments.value(0, "function") ?? .none
            return .list(try context.iterate(arguments.value(1, "iterable") ?? .list([])).map { item in
                try context.call(function, Arguments(try context.iterate(item)))
            })
        },
    ]

    /// A non-negative integer argument.
    private static func count(_ value: Value, _ name: String) throws -> Int {
        guard case .int(let number) = value else {
            throw TemplateError(.invalidArgument, "\(name) must be an integer, not \(value.typeName)")
        }
        guard number >= 0 else { throw TemplateError(.invalidArgument, "\(name) must be non-negative") }
        return number
    }

    private static func tooMany() -> TemplateError {
        TemplateError(.limitExceeded, "itertools would produce more than \(maxItems) items")
    }

    private static func capped(_ items: [Value]) throws -> [Value] {
        guard items.count <= maxItems else { throw tooMany() }
        return items
    }

    private static func capped(count: Int) throws -> Int {
        guard count <= maxItems else { throw tooMany() }
        return count
    }

    /// Combinations and permutations recurse once per element chosen: a bound on the stack they use.
    private static func checkDepth(_ size: Int) throws {
        guard size <= 1_000 else { throw TemplateError(.limitExceeded, "itertools: r=\(size) is more than 1000") }
    }

    /// The `size`-element combinations of `pool` in Python's order, with or without reusing an element.
    private static func choose(_ pool: [Value], _ size: Int, replacement: Bool) throws -> [[Value]] {
        var result: [[Value]] = []
        var indices: [Int] = []
        func extend(from start: Int) throws {
            if indices.count == size {
                guard result.count < maxItems else { throw tooMany() }
                result.append(indices.map { pool[$0] })
                return
            }
            guard start < pool.count else { return }
            for index in start..<pool.count {
                indices.append(index)
                try extend(from: replacement ? index : index + 1)
                indices.removeLast()
            }
        }
        guard size <= pool.count || (replacement && !pool.isEmpty) || size == 0 else { return [] }
        try checkDepth(size)
        try extend(from: 0)
        return result
    }

    /// The `size`-element permutations of `pool` in Python's order.
    private static func arrange(_ pool: [Value], _ size: Int) throws -> [[Value]] {
        guard size <= pool.count else { return [] }
        try checkDepth(size)
        var result: [[Value]] = []
        var used = [Bool](repeating: false, count: pool.count)
        var current: [Int] = []
        func extend() throws {
            if current.count == size {
                guard result.count < maxItems else { throw tooMany() }
                result.append(current.map { pool[$0] })
                return
            }
            for index in pool.indices where !used[index] {
                used[index] = true
                current.append(index)
                try extend()
                current.removeLast()
                used[index] = false
            }
        }
        try extend()
        return result
    }
}

private extension Value {
    var isNone: Bool {
        if case .none = self { return true }
        return false
    }
}
