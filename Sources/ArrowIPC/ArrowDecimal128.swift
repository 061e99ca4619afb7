/// An exact decimal128 value: a 128-bit two's complement unscaled integer and the column's scale and
/// precision. The value is `unscaled × 10^-scale`; `description` gives its exact decimal text.
public struct ArrowDecimal128: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The upper 64 bits of the unscaled value (carrying its sign).
    public var high: Int64
    /// The lower 64 bits of the unscaled value.
    public var low: UInt64
    public var precision: Int32
    public var scale: Int32

    public init(high: Int64, low: UInt64, precision: Int32, scale: Int32) {
        self.high = high
        self.low = low
        self.precision = precision
        self.scale = scale
    }

    /// Whether the unscaled value is below zero.
    public var isNegative: Bool { high < 0 }

    /// The unscaled value's digits without sign (`"0"` for zero).
    public var unscaledMagnitudeDigits: String {
        var high = UInt64(bitPattern: self.high), low = self.low
        if isNegative {
            // Two's complement negation of the 128-bit value.
            high = ~high
            low = ~low
            let (sum, carry) = low.addingReportingOverflow(1)
            low = sum
            if carry { high &+= 1 }
        }
        // Peel off 19 decimal digits at a time (10^19 is the largest power of ten below 2^64).
        let chunk: UInt64 = 10_000_000_000_000_000_000
        var parts: [UInt64] = []
        while high != 0 || low != 0 {
            let (quotientHigh, remainderHigh) = high.quotientAndRemainder(dividingBy: chunk)
            let (quotientLow, remainder) = chunk.dividingFullWidth((high: remainderHigh, low: low))
            parts.append(remainder)
            high = quotientHigh
            low = quotientLow
        }
        guard let leading = parts.popLast() else { return "0" }
        return parts.reversed().reduce(String(leading)) { text, part in
            let digits = String(part)
            return text + String(repeating: "0", count: 19 - digits.count) + digits
        }
    }

    /// The exact value in plain decimal notation: `-1.50` for unscaled -150 at scale 2, `1200` for
    /// unscaled 12 at scale -2.
    public var description: String {
        var digits = unscaledMagnitudeDigits
        if scale > 0 {
            let places = Int(scale)
            if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        } else if scale < 0, digits != "0" {
            digits += String(repeating: "0", count: Int(-scale))
        }
        return isNegative ? "-" + digits : digits
    }
}
