/// Filters that take a sequence apart or regroup it: `first`, `last`, `length`, `list`,
/// `reverse`, `join`, `batch`, `slice`, `items`, `random`.
extension BuiltinFilters {
    static let sequences: [String: Environment.Filter] = [
        "length": unary("length") { value, context in .int(try value.pythonLength(context)) },
        "count": unary("count") { value, context in .int(try value.pythonLength(context)) },
        "list": unary("list") { value, context in .list(try context.iterate(value)) },
        "first": unary("first") { value, context in
            switch value {
            case .string(let s): return s.unicodeScalars.first.map { .string(String($0)) } ?? empty("first")
            case .object(let generator as Generator): return try generator.next() ?? empty("first")
            default: return try context.iterate(value).first ?? empty("first")
            }
        },
        "last": unary("last") { value, context in
            switch value {
            case .string(let s): return s.unicodeScalars.last.map { .string(String($0)) } ?? empty("last")
            case .list, .tuple, .dict, .undefined, .object(is GroupTuple): return try context.iterate(value).last ?? empty("last")
            default: throw TemplateError(.invalidOperation, "'\(value.typeName)' object is not reversible")
            }
        },
        "random": unary("random") { value, context in
            switch value {
            case .string, .list, .tuple, .undefined, .object(is GroupTuple):
                return try context.iterate(value).randomElement() ?? empty("random")
            case .dict(let storage) where storage.count == 0: return empty("random")
            default: throw TemplateError(.invalidOperation, "'\(value.typeName)' object is not a sequence")
            }
        },
        "reverse": unary("reverse") { value, context in
            switch value {
            case .string(let s): return .string(PythonString.reversed(s))
            // What `reversed()` cannot reverse, Jinja2 copies into a list and reverses.
            case .object(is Generator): return .list(try context.iterate(value).reversed())
            default:
                let items = try context.iterate(value)
                return .generator("reversed") { items.reversed() }
            }
        },
        "items": unary("items") { value in
            .generator("do_items") {
                switch value {
                case .undefined: return []
                case .dict(let storage): return storage.entries.map { .tuple([$0.0, $0.1]) }
                default: throw TemplateError(.invalidOperation, "Can only get item pairs from a mapping.")
                }
            }
        },
        "join": { value, arguments, context in
            let bound = try arguments.bind("join", ["d", "attribute"], defaults: ["d": .string(""), "attribute": .none])
            let path = bound[1].isNone ? nil : AttributePath(bound[1])
            let separator = bound[0].str
            var out = ""
            for (index, item) in try context.iterate(value).enumerated() {
                if index > 0 { out += separator }
                out += try path?.read(item, context).str ?? item.str
            }
            return .string(out)
        },
        "batch": batch,
        "slice": slice,
    ]

    /// The undefined value a filter returns for an empty sequence.
    private static func empty(_ what: String) -> Value {
        .undefined("No \(what) item, sequence was empty.")
    }

    /// `batch(linecount, fill_with=None)`: lists of `linecount` items, the last one padded.
    /// Follows Jinja2's loop literally, so odd counts (0, floats) behave as they do there.
    private static func batch(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
        let bound = try arguments.bind("batch", ["linecount", "fill_with"], required: 1, defaults: ["fill_with": .none])
        return .generator("do_batch") { try batches(value, linecount: bound[0], fill: bound[1], context) }
    }

    private static func batches(_ value: Value, linecount: Value, fill: Value, _ context: CallContext) throws -> [Value] {
        var batches: [Value] = []
        var current: [Value] = []
        for item in try context.iterate(value) {
            if Value.equals(.int(current.count), linecount) {
                batches.append(.list(current))
                current = []
            }
            current.append(item)
        }
        if !current.isEmpty {
            if !fill.isNone, try Value.compare(.int(current.count), linecount) < 0 {
                let missing = try Value.binary(.subtract, linecount, .int(current.count))
                if case .list(let padding) = try Value.binary(.multiply, .list([fill]), missing) { current += padding.items }
            }
            batches.append(.list(current))
        }
        return batches
    }

    /// `slice(slices, fill_with=None)`: `slices` columns of nearly equal length, the short ones padded.
    private static func slice(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
        let bound = try arguments.bind("slice", ["slices", "fill_with"], required: 1, defaults: ["fill_with": .none])
        return .generator("sync_do_slice") { try columns(value, slices: bound[0], fill: bound[1], context) }
    }

    private static func columns(_ value: Value, slices count: Value, fill: Value, _ context: CallContext) throws -> [Value] {
        let items = try context.iterate(value)
        let slices = try count.asIndex()
        guard slices != 0 else { throw TemplateError(.invalidArgument, "integer division or modulo by zero") }
        guard slices > 0 else { return [] }
        guard slices <= context.environment.limits.maxLoopIterations else {
            throw TemplateError(.limitExceeded, "slice() of \(slices) columns exceeds the loop limit")
        }
        let perSlice = items.count / slices, withExtra = items.count % slices
        var columns: [Value] = []
        columns.reserveCapacity(slices)
        var offset = 0
        for number in 0..<slices {
            let start = offset + number * perSlice
            if number < withExtra { offset += 1 }
            var column = Array(items[start..<offset + (number + 1) * perSlice])
            if !fill.isNone && number >= withExtra { column.append(fill) }
            columns.append(.list(column))
        }
        return columns
    }
}
