import Foundation

/// Python arithmetic on template values: true and floor division, modulo signs, int/float
/// mixing, and integers that grow past 64 bits instead of trapping.
extension Value {
    /// A number in Python's numeric tower (bools count as ints).
    enum Number {
        case int(Int)
        case big(BigInteger)
        case float(Double)

        init?(_ value: Value) {
            switch value {
            case .bool(let b): self = .int(b ? 1 : 0)
            case .int(let i): self = .int(i)
            case .bigInt(let b): self = .big(b)
            case .float(let d): self = .float(d)
            default: return nil
            }
        }

        var double: Double {
            switch self {
            case .int(let i): return Double(i)
            case .big(let b): return b.asDouble
            case .float(let d): return d
            }
        }

        var big: BigInteger? {
            switch self {
            case .int(let i): return BigInteger(i)
            case .big(let b): return b
            case .float: return nil
            }
        }
    }

    /// An integer result, demoted to `Int` when it fits.
    static func integer(_ b: BigInteger) -> Value {
        if let i = b.asInt { return .int(i) }
        return .bigInt(b)
    }

    /// Applies `+ - * / // % **`.
    static func binary(_ op: BinaryOperator, _ left: Value, _ right: Value) throws -> Value {
        if op == .modulo, case .string(let format) = left { return .string(try PythonFormat.percent(format, right)) }
        if case .undefined(let message) = left { throw undefinedError(message) }
        if case .undefined(let message) = right { throw undefinedError(message) }
        if let a = Number(left), let b = Number(right) { return try arithmetic(op, a, b) }
        if case .object(let object) = left, let result = try object.binary(op, right, reflected: false) { return result }
        if case .object(let object) = right, let result = try object.binary(op, left, reflected: true) { return result }
        switch (op, left, right) {
        case (.add, .string(let a), .string(let b)): return .string(a + b)
        case (.add, .list(let a), .list(let b)): return .list(a.items + b.items)
        case (.add, .tuple(let a), .tuple(let b)): return .tuple(a + b)
        case (.multiply, .string(let s), _): if let n = Number(right) { return .string(try repeated(s, n)) }
        case (.multiply, _, .string(let s)): if let n = Number(left) { return .string(try repeated(s, n)) }
        case (.multiply, .list(let l), _): if let n = Number(right) { return .list(try repeated(l.items, n)) }
        case (.multiply, .tuple(let t), _): if let n = Number(right) { return .tuple(try repeated(t, n)) }
        default: break
        }
        throw TemplateError(.invalidOperation,
            "unsupported operand type(s) for \(op == .power ? "** or pow()" : op.rawValue): '\(left.typeName)' and '\(right.typeName)'")
    }

    private static func arithmetic(_ op: BinaryOperator, _ a: Number, _ b: Number) throws -> Value {
        if case .int(let x) = a, case .int(let y) = b, let result = try smallIntegerArithmetic(op, x, y) {
            return result
        }
        if let x = a.big, let y = b.big {
            switch op {
            case .add: return integer(x + y)
            case .subtract: return integer(x - y)
            case .multiply: return integer(x * y)
            case .divide: return .float(try floatArithmetic(.divide, x.asDouble, y.asDouble))
            case .floorDivide:
                guard let q = x.floorDivided(by: y) else { throw zeroDivision("integer division or modulo by zero") }
                return integer(q)
            case .modulo:
                guard let r = x.modulo(y) else { throw zeroDivision("integer division or modulo by zero") }
                return integer(r)
            case .power:
                guard let exponent = y.asInt, exponent >= 0 else {
                    return .float(try floatArithmetic(.power, x.asDouble, y.asDouble))
                }
                guard let result = x.power(exponent) else {
                    throw TemplateError(.limitExceeded, "integer result of ** is too large")
                }
                return integer(result)
            }
        }
        return .float(try floatArithmetic(op, a.double, b.double))
    }

    /// Int arithmetic, or nil when the result needs more than 64 bits.
    private static func smallIntegerArithmetic(_ op: BinaryOperator, _ x: Int, _ y: Int) throws -> Value? {
        switch op {
        case .add:
            let (r, overflow) = x.addingReportingOverflow(y)
            return overflow ? nil : .int(r)
        case .subtract:
            let (r, overflow) = x.subtractingReportingOverflow(y)
            return overflow ? nil : .int(r)
        case .multiply:
            let (r, overflow) = x.multipliedReportingOverflow(by: y)
            return overflow ? nil : .int(r)
        case .divide:
            return .float(try floatArithmetic(.divide, Double(x), Double(y)))
        case .floorDivide, .modulo:
            guard y != 0 else { throw zeroDivision("integer division or modulo by zero") }
            if x == Int.min && y == -1 { return nil }
            var q = x / y
            var r = x % y
            if r != 0 && ((r < 0) != (y < 0)) {
                q -= 1
                r += y
            }
            return .int(op == .floorDivide ? q : r)
        case .power:
            guard y >= 0 else { return .float(try floatArithmetic(.power, Double(x), Double(y))) }
            var result = 1
            var base = x
            var exponent = y
            while exponent > 0 {
                if exponent & 1 == 1 {
                    let (r, overflow) = result.multipliedReportingOverflow(by: base)
                    if overflow { return nil }
                    result = r
                }
                exponent >>= 1
                if exponent > 0 {
                    let (b, overflow) = base.multipliedReportingOverflow(by: base)
                    if overflow { return nil }
                    base = b
                }
            }
            return .int(result)
        }
    }

    private static func floatArithmetic(_ op: BinaryOperator, _ x: Double, _ y: Double) throws -> Double {
        switch op {
        case .add: return x + y
        case .subtract: return x - y
        case .multiply: return x * y
        case .divide:
            guard y != 0 else { throw zeroDivision("division by zero") }
            return x / y
        case .floorDivide:
            guard y != 0 else { throw zeroDivision("float floor division by zero") }
            return (x - pythonFloatModulo(x, y)) / y
        case .modulo:
            guard y != 0 else { throw zeroDivision("float modulo by zero") }
            return pythonFloatModulo(x, y)
        case .power:
            if x == 0 && y < 0 { throw zeroDivision("0.0 cannot be raised to a negative power") }
            if x < 0 && y.rounded() != y {
                throw TemplateError(.invalidArgument, "negative number cannot be raised to a fractional power")
            }
            return pow(x, y)
        }
    }

    private static func pythonFloatModulo(_ x: Double, _ y: Double) -> Double {
        let r = fmod(x, y)
        if r != 0 && ((r < 0) != (y < 0)) { return r + y }
        return r
    }

    private static let maxRepeatedLength = 10_000_000

    private static func repeatCount(_ n: Number, unit: Int) throws -> Int {
        guard case .int(let count) = n else {
            if case .big = n { throw TemplateError(.limitExceeded, "repetition count is too large") }
            throw TemplateError(.invalidOperation, "can't multiply sequence by non-int of type 'float'")
        }
        guard count > 0 else { return 0 }
        guard count <= maxRepeatedLength / max(unit, 1) else {
            throw TemplateError(.limitExceeded, "repeated value would exceed \(maxRepeatedLength) items")
        }
        return count
    }

    private static func repeated(_ s: String, _ n: Number) throws -> String {
        String(repeating: s, count: try repeatCount(n, unit: s.utf8.count))
    }

    private static func repeated(_ items: [Value], _ n: Number) throws -> [Value] {
        let count = try repeatCount(n, unit: items.count)
        return Array([[Value]](repeating: items, count: count).joined())
    }

    /// Unary minus.
    func negated() throws -> Value {
        switch Number(self) {
        case .int(let i)?: return i == Int.min ? .bigInt(-BigInteger(i)) : .int(-i)
        case .big(let b)?: return Value.integer(-b)
        case .float(let d)?: return .float(-d)
        case nil:
            if case .object(let decimal as PythonDecimal) = self { return .object(decimal.negated) }
            if case .undefined(let message) = self { throw Value.undefinedError(message) }
            throw TemplateError(.invalidOperation, "bad operand type for unary -: '\(typeName)'")
        }
    }

    /// Unary plus.
    func positive() throws -> Value {
        if case .bool(let b) = self { return .int(b ? 1 : 0) }
        if case .object(let decimal as PythonDecimal) = self {  // `+x` turns a negative zero positive
            return .object(decimal.coefficient.isZero ? decimal.magnitude : decimal)
        }
        guard Number(self) != nil else {
            if case .undefined(let message) = self { throw Value.undefinedError(message) }
            throw TemplateError(.invalidOperation, "bad operand type for unary +: '\(typeName)'")
        }
        return self
    }

    static func undefinedError(_ message: String?) -> TemplateError {
        TemplateError(.undefinedValue, message ?? "value is undefined")
    }

    private static func zeroDivision(_ message: String) -> TemplateError {
        TemplateError(.invalidArgument, message)
    }
}
