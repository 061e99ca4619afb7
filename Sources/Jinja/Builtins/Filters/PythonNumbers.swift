import Foundation

/// Python's `int(text, base)`, `float(text)` and `round(x, ndigits)`.
enum PythonNumbers {
    /// `int(text, base)`, or nil where Python raises ValueError. Base 0 reads a `0x`/`0o`/`0b` prefix.
    static func parseInt(_ text: String, base: Int) -> Value? {
        guard base == 0 || (2...36).contains(base) else { return nil }
        var digits = Substring(PythonString.strip(asciiDigits(text), nil))
        var negative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        var radix = base == 0 ? 10 : base
        let prefixes: [(Character, Int)] = [("x", 16), ("o", 8), ("b", 2)]
        var hadPrefix = false
        if digits.count >= 2, digits.first == "0", let letter = digits.dropFirst().first?.lowercased().first,
           let prefix = prefixes.first(where: { $0.0 == letter }), base == 0 || base == prefix.1 {
            radix = prefix.1
            digits = digits.dropFirst(2)
            hadPrefix = true
        }
        // Underscores may only separate digits (or follow a prefix).
        if digits.first == "_" && !hadPrefix { return nil }
        if hadPrefix && digits.first == "_" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.last != "_", !digits.contains("__") else { return nil }
        var small = 0
        var big: BigInteger?
        for character in digits where character != "_" {
            guard let digit = character.hexDigitValue ?? letterValue(character), digit < radix else { return nil }
            if let current = big {
                big = current * BigInteger(radix) + BigInteger(digit)
            } else {
                let (product, overflow1) = small.multipliedReportingOverflow(by: radix)
                let (sum, overflow2) = product.addingReportingOverflow(digit)
                if overflow1 || overflow2 {
                    big = BigInteger(small) * BigInteger(radix) + BigInteger(digit)
                } else {
                    small = sum
                }
            }
        }
        // Base 0 forbids leading zeros in decimal ("010"), as Python source does.
        if base == 0 && !hadPrefix && digits.first == "0" && (big != nil || small != 0) { return nil }
        if let big { return Value.integer(negative ? -big : big) }
        return negative ? Value.integer(-BigInteger(small)) : .int(small)
    }

    /// The text with Unicode decimal digits as ASCII ones, as Python's `int()` and `float()` read it.
    private static func asciiDigits(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .decimalNumber, let digit = scalar.properties.numericValue {
                out.append(Unicode.Scalar(UInt8(48 + Int(digit))))
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func letterValue(_ character: Character) -> Int? {
        guard let ascii = character.asciiValue, character.isLetter else { return nil }
        return Int(ascii | 0x20) - Int(UInt8(ascii: "a")) + 10
    }

    /// `float(text)`, or nil where Python raises ValueError (Swift alone would accept hex floats).
    static func parseFloat(_ text: String) -> Double? {
        let trimmed = PythonString.strip(asciiDigits(text), nil)
        var body = Substring(trimmed)
        var sign = ""
        if let first = body.first, first == "+" || first == "-" {
            sign = String(first)
            body = body.dropFirst()
        }
        switch body.lowercased() {
        case "inf", "infinity": return sign == "-" ? -.infinity : .infinity
        case "nan": return .nan
        default: break
        }
        var cleaned = sign
        var previous: Character = " "
        var seenDigit = false
        for character in body {
            if character == "_" {
                guard previous.isASCII && previous.isNumber else { return nil }
            } else if character.isASCII && character.isNumber {
                seenDigit = true
                cleaned.append(character)
            } else if character == "." || character == "e" || character == "E" || character == "+" || character == "-" {
                guard previous != "_" else { return nil }
                cleaned.append(character)
            } else {
                return nil
            }
            previous = character
        }
        guard seenDigit, previous != "_" else { return nil }
        return Double(cleaned)
    }

    /// `round(x, ndigits)` for a float: correctly rounded, ties to even on the exact binary value.
    static func round(_ x: Double, _ digits: Int) -> Double {
        guard x.isFinite, x != 0, digits <= 323 else { return x }
        guard digits >= -308 else { return 0.0 * x }
        if digits >= 0 { return Double(String(format: "%.\(digits)f", x)) ?? x }
        let whole = x.rounded(.towardZero)
        guard let integer = BigInteger(exactly: whole) else { return x }
        let rounded = roundInteger(integer, digits, inexact: whole != x)
        return rounded.isZero ? (x < 0 ? -0.0 : 0.0) : rounded.asDouble
    }

    /// `round(n, ndigits)` for an integer and negative `ndigits`: to a multiple of 10^-ndigits, ties
    /// to even; `inexact` tells that a fraction was dropped from `n` (so it is not a true tie).
    static func roundInteger(_ n: BigInteger, _ digits: Int, inexact: Bool = false) -> BigInteger {
        guard digits < 0, let unit = BigInteger(10).power(-digits),
              let division = (n.signum < 0 ? -n : n).divMod(unit) else { return n }
        let twice = division.remainder + division.remainder
        let quotientIsOdd = !(division.quotient.modulo(BigInteger(2))?.isZero ?? true)
        let roundUp = unit < twice || (twice == unit && (inexact || quotientIsOdd))
        let magnitude = (roundUp ? division.quotient + BigInteger(1) : division.quotient) * unit
        return n.signum < 0 ? -magnitude : magnitude
    }
}
