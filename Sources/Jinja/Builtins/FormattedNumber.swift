import Foundation

/// A number the way CPython lays it out before padding: a sign, a base prefix (`0x`), the integer
/// digits, and the rest (fraction, exponent, `%`; all of `inf` and `nan`, which have no digits).
/// Shared by `%`-formatting and the format mini-language.
struct FormattedNumber {
    var negative: Bool
    var prefix = ""
    var digits: String
    var rest = ""

    /// An integer in base `radix`; a float is truncated toward zero first, as `'%d' % 2.7` does.
    init(integer number: Value.Number, radix: Int, uppercase: Bool) throws {
        switch number {
        case .int(let value):
            negative = value < 0
            digits = String(value.magnitude, radix: radix, uppercase: uppercase)
        case .big(let value):
            negative = value.signum < 0
            digits = Self.digits(negative ? -value : value, radix: radix, uppercase: uppercase)
        case .float(let value):
            guard let truncated = BigInteger(exactly: value.rounded(.towardZero)) else {
                throw TemplateError(.invalidArgument,
                    "cannot convert float \(value.isNaN ? "NaN" : "infinity") to integer")
            }
            self = try FormattedNumber(integer: .big(truncated), radix: radix, uppercase: uppercase)
        }
    }

    /// A float in presentation `type`: `e`, `f`, `g`, `%` (and their upper-case forms, `n` as `g`),
    /// or none: Python's `repr` without a precision, `g` that keeps a `.0` with one.
    init(float value: Double, type: Character?, precision: Int?, alternate: Bool) {
        negative = value.sign == .minus && !value.isNaN
        let magnitude = abs(value)
        var text: String
        if !value.isFinite {
            text = value.isNaN ? "nan" : "inf"
        } else {
            switch type?.lowercased() {
            case "e": text = Self.printf(magnitude, "e", precision ?? 6, alternate)
            case "f": text = Self.printf(magnitude, "f", precision ?? 6, alternate)
            case "%": text = Self.printf(magnitude * 100, "f", precision ?? 6, alternate)
            case "g", "n": text = Self.general(magnitude, precision ?? 6, alternate, keepDotZero: false)
            default:
                text = precision.map { Self.general(magnitude, $0, alternate, keepDotZero: true) }
                    ?? Value.formatFloat(magnitude)
            }
        }
        if type == "%" { text += "%" }
        if type?.isUppercase == true { text = text.uppercased() }
        let digitCount = text.utf8.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
        digits = String(text.prefix(digitCount))
        rest = String(text.dropFirst(digitCount))
    }

    /// Whether every printed digit is zero (for the `z` option, which drops the sign of `-0.00`).
    var isZero: Bool {
        let mantissa = (digits + rest).prefix { $0 != "e" && $0 != "E" && $0 != "%" }
        return !digits.isEmpty && mantissa.allSatisfy { $0 == "0" || $0 == "." }
    }

    /// The final text: `sign` is `+`, ` ` or nil (only negatives get one); `grouping` separates digit
    /// groups. Zero padding (`0` fill aligned after the sign) extends the digits and their separators.
    func rendered(sign: Character?, width: Int, fill: Unicode.Scalar, align: FormatSpec.Align,
                  grouping: (separator: Character, size: Int)? = nil) -> String {
        let signText = negative ? "-" : sign.map(String.init) ?? ""
        var body = digits
        if !digits.isEmpty {
            let fixed = signText.count + prefix.count + rest.unicodeScalars.count
            body = Self.grouped(digits, grouping, minWidth: fill == "0" && align == .afterSign ? width - fixed : 0)
        }
        return FormatSpec.aligned(signText + prefix, body + rest, width: width, fill: fill, align: align)
    }

    /// CPython's digit grouping: groups of `size` from the right, with zeros (and separators) added
    /// on the left until `minWidth` characters, so `format(1234, '08,')` is `0,001,234`.
    private static func grouped(_ digits: String, _ grouping: (separator: Character, size: Int)?, minWidth: Int) -> String {
        guard let grouping else { return String(repeating: "0", count: max(0, minWidth - digits.count)) + digits }
        let characters = Array(digits)
        var groups: [String] = []
        var remaining = characters.count
        var minWidth = minWidth
        while true {
            let length = min(grouping.size, max(remaining, minWidth, 1))
            let taken = min(remaining, length)
            groups.append(String(repeating: "0", count: length - taken) + String(characters[(remaining - taken)..<remaining]))
            remaining -= taken
            minWidth -= length
            if remaining <= 0 && minWidth <= 0 { break }
            minWidth -= 1
        }
        return groups.reversed().joined(separator: String(grouping.separator))
    }

    /// The digits of a non-negative big integer in base 10, 2, 8 or 16.
    private static func digits(_ value: BigInteger, radix: Int, uppercase: Bool) -> String {
        guard radix != 10 else { return value.description }
        let chunk = BigInteger(1 << 60)  // a power of 2, 8 and 16 alike
        let chunkDigits = 60 / radix.trailingZeroBitCount
        var remaining = value
        var chunks: [String] = []
        while !remaining.isZero, let division = remaining.divMod(chunk) {
            let part = String(division.remainder.asInt ?? 0, radix: radix, uppercase: uppercase)
            chunks.append(division.quotient.isZero ? part : String(repeating: "0", count: chunkDigits - part.count) + part)
            remaining = division.quotient
        }
        return chunks.isEmpty ? "0" : chunks.reversed().joined()
    }

    /// C's `printf("%.*e")` or `"%.*f"` of a finite, non-negative value: exactly rounded, as Python's.
    private static func printf(_ value: Double, _ conversion: String, _ precision: Int, _ alternate: Bool) -> String {
        let format = (alternate ? "%#.*" : "%.*") + conversion
        let capacity = precision + 330  // the largest double has 309 integer digits
        return withVaList([Int32(clamping: precision), value]) { arguments in
            String(unsafeUninitializedCapacity: capacity) { buffer in
                let written = buffer.withMemoryRebound(to: CChar.self) { vsnprintf($0.baseAddress, capacity, format, arguments) }
                return Int(max(0, min(written, Int32(clamping: capacity - 1))))
            }
        }
    }

    /// Python's `g` presentation of a finite, non-negative value with `precision` significant digits:
    /// scientific when the exponent is below -4 or reaches the precision, else positional;
    /// trailing zeros dropped unless `alternate`. `keepDotZero` is the no-type variant: one digit
    /// more goes scientific, and whole numbers keep `.0`.
    private static func general(_ value: Double, _ precision: Int, _ alternate: Bool, keepDotZero: Bool) -> String {
        let precision = max(precision, 1)
        let scientific = printf(value, "e", precision - 1, false)
        let parts = scientific.split(separator: "e")
        var significant = parts[0].filter { $0 != "." }
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let pointPosition = exponent + 1
        if !alternate {
            while significant.count > 1 && significant.last == "0" { significant.removeLast() }
        }
        if pointPosition <= -4 || pointPosition > (keepDotZero ? precision - 1 : precision) {
            let fraction = significant.dropFirst()
            let mantissa = String(significant.prefix(1)) + (fraction.isEmpty && !alternate ? "" : "." + fraction)
            let exponentDigits = String(abs(exponent))
            return mantissa + (exponent < 0 ? "e-" : "e+") + (exponentDigits.count < 2 ? "0" : "") + exponentDigits
        }
        let integer: String
        let fraction: String
        if pointPosition <= 0 {
            integer = "0"
            fraction = String(repeating: "0", count: -pointPosition) + significant
        } else if pointPosition >= significant.count {
            integer = significant + String(repeating: "0", count: pointPosition - significant.count)
            fraction = ""
        } else {
            integer = String(significant.prefix(pointPosition))
            fraction = String(significant.dropFirst(pointPosition))
        }
        if !fraction.isEmpty { return integer + "." + fraction }
        return integer + (alternate ? "." : keepDotZero ? ".0" : "")
    }
}
