/// Jinja2's built-in tests, registered by name: `value is name(args)`.
enum BuiltinTests {
    static let all: [String: Environment.Test] = predicates.merging(comparisons) { first, _ in first }

    /// Tests of a value's type, content and membership, and whether a filter or test exists.
    private static let predicates: [String: Environment.Test] = [
        "defined": unary("defined") { !$0.isUndefined },
        "undefined": unary("undefined") { $0.isUndefined },
        "none": unary("none") { $0.isNone },
        "boolean": unary("boolean") { if case .bool = $0 { return true } else { return false } },
        "true": unary("true") { if case .bool(true) = $0 { return true } else { return false } },
        "false": unary("false") { if case .bool(false) = $0 { return true } else { return false } },
        "integer": unary("integer") { value in
            switch value {
            case .int, .bigInt: return true
            default: return false
            }
        },
        "float": unary("float") { if case .float = $0 { return true } else { return false } },
        "number": unary("number") { Value.Number($0) != nil || PythonDecimal.operand($0) != nil },
        "string": unary("string") { $0.stringValue != nil },
        "mapping": unary("mapping") { value in
            switch value {
            case .dict: return true
            case .object(let object): return object.isMapping
            default: return false
            }
        },
        "iterable": unary("iterable") { try isIterable($0) },
        "sequence": unary("sequence") { value in
            if case .object(is Generator) = value { return false }
            return try isIterable(value)
        },
        "callable": unary("callable") { value in
            switch value {
            case .callable, .undefined: return true
            default: return false
            }
        },
        "lower": unary("lower") { PythonString.isCased($0.str, lower: true) },
        "upper": unary("upper") { PythonString.isCased($0.str, lower: false) },
        "escaped": unary("escaped") { _ in false },
        "odd": unary("odd") { Value.equals(try Value.binary(.modulo, $0, .int(2)), .int(1)) },
        "even": unary("even") { Value.equals(try Value.binary(.modulo, $0, .int(2)), .int(0)) },
        "divisibleby": binary("divisibleby", "num") { Value.equals(try Value.binary(.modulo, $0, $1), .int(0)) },
        "in": binary("in", "seq") { try Value.contains($1, $0) },
        "sameas": binary("sameas", "other") { isSame($0, $1) },
        "filter": { value, arguments, context in
            _ = try arguments.bind("filter", [])
            return try name(value).map { context.environment.filters[$0] != nil } ?? false
        },
        "test": { value, arguments, context in
            _ = try arguments.bind("test", [])
            return try name(value).map { context.environment.tests[$0] != nil } ?? false
        },
    ]

    /// `==`, `<` and friends under their symbol and word names (`eq`, `equalto`, `lessthan`, ...).
    private static let comparisons: [String: Environment.Test] = {
        let orderings: [(names: [String], holds: @Sendable (Int) -> Bool)] = [
            (["<", "lt", "lessthan"], { $0 < 0 }), (["<=", "le"], { $0 <= 0 }),
            ([">", "gt", "greaterthan"], { $0 > 0 }), ([">=", "ge"], { $0 >= 0 }),
        ]
        var table: [String: Environment.Test] = [:]
        for name in ["==", "eq", "equalto"] { table[name] = binary(name, nil) { Value.equals($0, $1) } }
        for name in ["!=", "ne"] { table[name] = binary(name, nil) { !Value.equals($0, $1) } }
        for (names, holds) in orderings {
            for name in names { table[name] = binary(name, nil) { holds(try Value.compare($0, $1)) } }
        }
        return table
    }()

    /// A test of the value alone.
    private static func unary(_ name: String, _ body: @escaping @Sendable (Value) throws -> Bool) -> Environment.Test {
        { value, arguments, _ in
            _ = try arguments.bind(name, [])
            return try body(value)
        }
    }

    /// A test of the value against one required argument named `parameter`, or positional only
    /// when `parameter` is nil (Python's `operator` functions).
    private static func binary(_ name: String, _ parameter: String?,
                               _ body: @escaping @Sendable (Value, Value) throws -> Bool) -> Environment.Test {
        { value, arguments, _ in
            if parameter == nil && !arguments.keyword.isEmpty {
                throw TemplateError(.invalidOperation, "\(name)() takes no keyword arguments")
            }
            return try body(value, try arguments.bind(name, [parameter ?? "other"], required: 1)[0])
        }
    }

    /// Whether Python can iterate the value (and, for all but generators, index and size it).
    private static func isIterable(_ value: Value) throws -> Bool {
        switch value {
        case .string, .list, .tuple, .dict, .undefined, .object(is Generator): return true
        case .object(let object): return try object.iterate() != nil
        default: return false
        }
    }

    /// A filter or test name to look up; non-string hashable values are simply not names.
    private static func name(_ value: Value) throws -> String? {
        guard value.isHashable else { throw TemplateError(.invalidOperation, "unhashable type: '\(value.typeName)'") }
        return value.stringValue
    }

    /// Python's `is`: identity for lists, dicts and objects; for immutable values, what CPython
    /// shares: singletons, small integers and equal strings.
    private static func isSame(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none), (.undefined, .undefined): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y && (-5...256).contains(x)
        case (.string(let x), .string(let y)): return x == y
        case (.list(let x), .list(let y)): return x === y
        case (.dict(let x), .dict(let y)): return x === y
        case (.callable(let x), .callable(let y)): return x === y
        case (.object(let x), .object(let y)): return x === y
        default: return false
        }
    }
}
