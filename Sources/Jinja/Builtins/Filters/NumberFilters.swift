import Foundation

/// Numeric filters: `abs`, `int`, `float`, `round`, `filesizeformat`.
extension BuiltinFilters {
    static let numbers: [String: Environment.Filter] = [
        "abs": unary("abs") { value in
            switch Value.Number(value) {
            case .int(let i)?: return i == Int.min ? .bigInt(-BigInteger(i)) : .int(Swift.abs(i))
            case .big(let b)?: return Value.integer(b.signum < 0 ? -b : b)
            case .float(let d)?: return .float(Swift.abs(d))
            case nil:
                if case .object(let decimal as PythonDecimal) = value { return .object(decimal.magnitude) }
                throw TemplateError(.invalidOperation, "bad operand type for abs(): '\(value.typeName)'")
            }
        },
        "int": { value, arguments, _ in
            let bound = try arguments.bind("int", ["default", "base"], defaults: ["default": .int(0), "base": .int(10)])
            return try integer(value, base: bound[1]) ?? bound[0]
        },
        "float": { value, arguments, _ in
            let fallback = try arguments.bind("float", ["default"], defaults: ["default": .float(0)])[0]
            return try float(value).map { .float($0) } ?? fallback
        },
        "round": round,
        "filesizeformat": filesizeformat,
    ]

    /// Jinja2's `int` filter conversion: `int(value)` (with `base` for strings), else `int(float(value))`;
    /// nil where Python raises TypeError or ValueError.
    private static func integer(_ value: Value, base: Value) throws -> Value? {
        switch value {
        case .bool(let b): return .int(b ? 1 : 0)
        case .int, .bigInt: return value
        case .object(let decimal as PythonDecimal): return Value.integer(try decimal.truncated())
        case .float(let d) where d.isInfinite: throw TemplateError(.invalidArgument, "cannot convert float infinity to integer")
        case .string(let text):
            if case .int(let radix) = Value.Number(base), let parsed = PythonNumbers.parseInt(text, base: radix) { return parsed }
        default: break
        }
        guard let d = try float(value), d.isFinite else { return nil }
        return BigInteger(exactly: d.rounded(.towardZero)).map(Value.integer)
    }

    /// Python's `float(value)`; nil where it raises TypeError or ValueError.
    private static func float(_ value: Value) throws -> Double? {
        switch value {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Double(i)
        case .bigInt(let b):
            let d = b.asDouble
            guard d.isFinite else { throw TemplateError(.invalidArgument, "int too large to convert to float") }
            return d
        case .float(let d): return d
        case .object(let decimal as PythonDecimal): return decimal.asDouble
        case .string(let s): return PythonNumbers.parseFloat(s)
        case .undefined(let message): throw Value.undefinedError(message)
        default: return nil
        }
    }

    /// `round(precision=0, method='common')`; `common` is Python's `round` (ties to even),
    /// `ceil` and `floor` work on `value * 10**precision` and always give a float.
    private static func round(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
        let bound = try arguments.bind("round", ["precision", "method"], defaults: ["precision": .int(0), "method": .string("common")])
        let method = bound[1].stringValue ?? ""
        guard ["common", "ceil", "floor"].contains(method) else {
            throw TemplateError(.invalidArgument, "method must be common, ceil or floor")
        }
        let decimal = value.decimal
        guard Value.Number(value) != nil || decimal != nil else {
            throw TemplateError(.invalidOperation, "type \(value.typeName) doesn't define __round__ method")
        }
        guard method == "common" else {
            let scale = try Value.binary(.power, .int(10), bound[0])
            var whole = try Value.binary(.multiply, value, scale)
            if case .float(let scaled) = whole {
                whole = try integral(method == "ceil" ? scaled.rounded(.up) : scaled.rounded(.down))
            } else if let scaled = whole.decimal {
                whole = Value.integer(try scaled.wholeRounded(up: method == "ceil"))
            }
            return try Value.binary(.divide, whole, scale)
        }
        if let decimal {  // Python's round(Decimal): an int without places, else a decimal at that many places
            guard !bound[0].isNone else { return Value.integer(try decimal.rounded(places: 0).truncated()) }
            return .object(try decimal.rounded(places: try bound[0].asIndex()))
        }
        guard let number = Value.Number(value) else { return value }
        if bound[0].isNone {
            guard case .float(let d) = number else { return try value.positive() }
            return try integral(d.rounded(.toNearestOrEven))
        }
        let digits = try bound[0].asIndex()
        switch number {
        case .float(let d): return .float(PythonNumbers.round(d, digits))
        case .int(let i): return Value.integer(PythonNumbers.roundInteger(BigInteger(i), digits))
        case .big(let b): return Value.integer(PythonNumbers.roundInteger(b, digits))
        }
    }

    /// A whole float as a Python int, failing as `int(inf)` and `int(nan)` do.
    private static func integral(_ d: Double) throws -> Value {
        guard let integer = BigInteger(exactly: d) else {
            throw TemplateError(.invalidArgument, "cannot convert float \(Value.formatFloat(d)) to integer")
        }
        return Value.integer(integer)
    }

    /// `filesizeformat(binary=False)`: `1 Byte`, `12 Bytes`, `1.2 kB` (or `KiB`), up to yottabytes.
    private static func filesizeformat(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
        let binary = try arguments.bind("filesizeformat", ["binary"], defaults: ["binary": .bool(false)])[0].isTruthy
        guard let bytes = try float(value) else {
            throw TemplateError(.invalidArgument, "could not convert \(value.typeName) to float: \(value.repr)")
        }
        let base: Double = binary ? 1024 : 1000
        if bytes == 1 { return .string("1 Byte") }
        if bytes < base { return .string(try integral(bytes.rounded(.towardZero)).str + " Bytes") }
        let prefixes = binary ? ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"] : ["kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"]
        var unit = base
        for prefix in prefixes {
            unit *= base
            if bytes < unit || prefix == prefixes.last {
                return .string(String(format: "%.1f", base * bytes / unit) + " " + prefix)
            }
        }
        return .string("")
    }
}
