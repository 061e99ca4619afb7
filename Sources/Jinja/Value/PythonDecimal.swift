import Foundation

/// An exact decimal number with Python's `decimal.Decimal` semantics in the default context (28 significant digits,
/// ties to even): a sign, a whole-number coefficient and a power-of-ten exponent, so `1.50` keeps its two places.
/// It prints as Python's `str` (`1.50`, `1E+20`, `1.2E-7`) and `repr` (`Decimal('1.50')`), computes with ints and
/// other decimals (not floats: `unsupported operand type(s)`), compares exactly with ints, floats and decimals, and
/// answers the `int`, `float`, `round` and `abs` filters as Python's built-ins do. Hosts make one from a database's
/// exact number (`PythonDecimal("1.50")`) or from a float as `Decimal(repr(f))` does (`PythonDecimal(float:)`).
/// Only finite values: there is no NaN or infinity.
public final class PythonDecimal: HostObject {
    /// Whether the sign is minus (zero has a sign too: `-0.00`).
    let negative: Bool
    /// The digits, as a non-negative integer.
    let coefficient: BigInteger
    /// The power of ten the coefficient is scaled by.
    let exponent: Int

    /// Python's default context precision.
    static let precision = 28

    init(negative: Bool, coefficient: BigInteger, exponent: Int) {
        self.negative = negative
        self.coefficient = coefficient
        self.exponent = exponent
    }

    /// A whole number, with exponent 0 (`Decimal(3)`).
    public convenience init(integer: BigInteger) {
        self.init(negative: integer.signum < 0, coefficient: integer.signum < 0 ? -integer : integer, exponent: 0)
    }

    /// Python's `Decimal(text)` for a finite number: `1.50`, `-0.0050`, `1e20`, `.5`, `7.`; nil for anything else.
    public convenience init?(_ text: String) {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var negative = false
        if let sign = rest.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            rest = rest.dropFirst()
        }
        var exponent = 0
        if let marker = rest.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let scale = Int(rest[rest.index(after: marker)...]), abs(scale) <= PythonDecimal.maxExponent else { return nil }
            exponent = scale
            rest = rest[..<marker]
        }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        let digits = whole + fraction
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let coefficient = BigInteger(String(digits)) else {
            return nil
        }
        self.init(negative: negative, coefficient: coefficient, exponent: exponent - fraction.count)
    }

    /// `Decimal(repr(value))`, as agate casts a float into its Number type (`0.1` stays `0.1`, `1e20` becomes `1E+20`);
    /// nil for NaN and infinities.
    public convenience init?(float value: Double) {
        guard value.isFinite else { return nil }
        self.init(Value.formatFloat(value))
    }

    /// Exponents beyond this are refused when parsing, so that aligning two decimals stays affordable.
    static let maxExponent = 100_000

    public var typeName: String { "decimal.Decimal" }

    /// Python's `str(Decimal)`: plain notation while the exponent is at most 0 and the number is not below 1E-6,
    /// scientific notation (`1E+20`, `1.2E-7`) otherwise.
    public var display: String {
        let digits = coefficient.description
        let leading = exponent + digits.count
        let point = exponent <= 0 && leading > -6 ? leading : 1
        var text = negative ? "-" : ""
        if point <= 0 {
            text += "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            text += digits + String(repeating: "0", count: point - digits.count)
        } else {
            text += digits.prefix(point) + "." + digits.dropFirst(point)
        }
        if leading != point {
            let shown = leading - point
            text += "E" + (shown < 0 ? "-" : "+") + String(abs(shown))
        }
        return text
    }

    /// Python's `repr`: `Decimal('1.50')`.
    var repr: String { "Decimal('\(display)')" }

    public var isTruthy: Bool { !coefficient.isZero }

    /// Whether the sign is minus.
    public var isNegative: Bool { negative }

    /// The exponent once trailing zeros are dropped (Python's `x.normalize()`): `1.50` has -1, `100` has 2, zero 0.
    public var normalizedExponent: Int {
        guard !coefficient.isZero else { return 0 }
        return exponent + coefficient.description.reversed().prefix { $0 == "0" }.count
    }

    /// Equal decimals share a key whatever their trailing zeros (`1.5` and `1.50`), as they share a Python hash.
    public var valueKey: String? {
        guard !coefficient.isZero else { return "0" }
        let digits = coefficient.description
        let zeros = normalizedExponent - exponent
        return (negative ? "-" : "") + digits.dropLast(zeros) + "E" + String(normalizedExponent)
    }

    public func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard let operand = PythonDecimal.operand(other) else { return nil }
        let (left, right) = reflected ? (operand, self) : (self, operand)
        return .object(try left.applying(op, right))
    }

    public func equals(_ other: Value) -> Bool? {
        guard let order = try? compare(to: other) else { return nil }
        return order == 0
    }

    public func compare(to other: Value) throws -> Int? {
        if case .float(let d) = other {
            guard d.isFinite else { return d.isNaN ? nil : (d < 0 ? 1 : -1) }
            return try ordered(against: PythonDecimal.exact(d))
        }
        guard let operand = PythonDecimal.operand(other) else { return nil }
        return try ordered(against: operand)
    }

    /// An int (or bool) or decimal operand as a decimal; nil for anything else, floats included, as in Python.
    static func operand(_ value: Value) -> PythonDecimal? {
        switch value {
        case .object(let decimal as PythonDecimal): return decimal
        case .bool(let b): return PythonDecimal(integer: BigInteger(b ? 1 : 0))
        case .int(let i): return PythonDecimal(integer: BigInteger(i))
        case .bigInt(let b): return PythonDecimal(integer: b)
        default: return nil
        }
    }

    /// The exact value of a finite double (`0.1` is `0.1000000000000000055511151231257827...`), for comparisons:
    /// its binary significand times a power of two, written with a power of ten (`2^-k` is `5^k * 10^-k`).
    static func exact(_ d: Double) -> PythonDecimal {
        let bits = BigInteger(Int(d.significandBitPattern))
        let (significand, twos) = d.isNormal ? (bits + BigInteger(1 << 52), Int(d.exponent) - 52) : (bits, -1074)
        if twos >= 0 {
            return PythonDecimal(negative: d.sign == .minus, coefficient: significand * (BigInteger(2).power(twos) ?? BigInteger(0)), exponent: 0)
        }
        return PythonDecimal(negative: d.sign == .minus, coefficient: significand * (BigInteger(5).power(-twos) ?? BigInteger(0)),
                             exponent: twos)
    }
}

extension Value {
    /// The decimal inside an `.object`, or nil.
    public var decimal: PythonDecimal? {
        if case .object(let decimal as PythonDecimal) = self { return decimal }
        return nil
    }
}
