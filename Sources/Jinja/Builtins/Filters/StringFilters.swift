/// Filters on `str(value)`: case, padding, trimming, replacing, counting, `%` formatting.
extension BuiltinFilters {
    static let strings: [String: Environment.Filter] = [
        "lower": unary("lower") { .string(PythonString.lower($0.str)) },
        "upper": unary("upper") { .string($0.str.uppercased()) },
        "capitalize": unary("capitalize") { .string(PythonString.capitalize($0.str)) },
        "title": unary("title") { .string(PythonString.title($0.str)) },
        "string": unary("string") { .string($0.str) },
        "wordcount": unary("wordcount") { value in
            var count = 0
            var inWord = false
            for scalar in value.str.unicodeScalars {
                let isWord = PythonString.isWordCharacter(scalar)
                if isWord && !inWord { count += 1 }
                inWord = isWord
            }
            return .int(count)
        },
        "center": { value, arguments, context in
            let width = try arguments.bind("center", ["width"], defaults: ["width": .int(80)])[0]
            return .string(PythonString.center(value.str, try width.asWidth(context)))
        },
        "trim": { value, arguments, _ in
            let chars = try arguments.bind("trim", ["chars"], defaults: ["chars": .none])[0]
            switch chars {
            case .none: return .string(PythonString.strip(value.str, nil))
            case .string(let set): return .string(PythonString.strip(value.str, set))
            default: throw TemplateError(.invalidOperation, "strip arg must be None or str")
            }
        },
        "replace": { value, arguments, _ in
            let bound = try arguments.bind("replace", ["old", "new", "count"], required: 2, defaults: ["count": .none])
            let count = bound[2].isNone ? -1 : try bound[2].asIndex()
            return .string(PythonString.replace(value.str, bound[0].str, bound[1].str, count: count))
        },
        "format": { value, arguments, _ in
            if !arguments.positional.isEmpty && !arguments.keyword.isEmpty {
                throw TemplateError(.invalidArgument, "can't handle positional and keyword arguments at the same time")
            }
            let values: Value = arguments.keyword.isEmpty
                ? .tuple(arguments.positional)
                : .dict(arguments.keyword.map { ($0.name, $0.value) })
            return .string(try PythonFormat.percent(value.str, values))
        },
    ]
}
