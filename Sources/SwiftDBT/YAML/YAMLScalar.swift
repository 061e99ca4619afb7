/// Resolves plain YAML scalars as PyYAML does (YAML 1.1), which is how dbt reads its files:
/// `yes`/`no`/`on`/`off` are booleans, `~` and `null` are null, `1_000` is an int, `1.5` a float.
enum YAMLScalar {
    static func resolve(_ text: String) -> YAMLNode.Kind {
        // Only text starting with one of these can be anything but a string.
        guard let lead = text.utf8.first else { return .null }
        switch lead {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            if let value = plainDecimal(text) { return .scalar(.int(value)) }
        case UInt8(ascii: "~"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"),
             UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "y"), UInt8(ascii: "Y"),
             UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            // The words below are at most 5 bytes long.
            if text.utf8.count <= 5, let word = word(text) { return word }
        default:
            return .scalar(.string(text))
        }
        guard lead == UInt8(ascii: "-") || lead == UInt8(ascii: "+")
                || lead == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(lead) else {
            return .scalar(.string(text))
        }
        if let integer = integer(text) { return .scalar(.int(integer)) }
        if isFloat(text), let value = Double(text.replacingOccurrences(of: "_", with: "")) { return .scalar(.double(value)) }
        return .scalar(.string(text))
    }

    /// Null, booleans, infinities and NaN.
    private static func word(_ text: String) -> YAMLNode.Kind? {
        switch text {
        case "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return .scalar(.bool(true))
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return .scalar(.bool(false))
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .scalar(.double(.infinity))
        case "-.inf", "-.Inf", "-.INF": return .scalar(.double(-.infinity))
        case ".nan", ".NaN", ".NAN": return .scalar(.double(.nan))
        default: return nil
        }
    }

    /// The value of plain decimal digits with no leading zero (or just `0`), short enough not to
    /// overflow; nil for anything else (read by the full rules).
    private static func plainDecimal(_ text: String) -> Int? {
        let utf8 = text.utf8
        guard utf8.count <= 18, utf8.count == 1 || utf8.first != UInt8(ascii: "0") else { return nil }
        var value = 0
        for byte in utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Decimal (with `_` separators), `0x` hex and `0o`/leading-zero octal, as PyYAML reads them.
    private static func integer(_ text: String) -> Int? {
        var body = Substring(text)
        var negative = false
        if let sign = body.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            body = body.dropFirst()
        }
        guard !body.isEmpty, !body.hasPrefix("_") else { return nil }
        let digits = body.utf8.contains(UInt8(ascii: "_")) ? body.replacingOccurrences(of: "_", with: "") : String(body)
        let value: Int?
        if digits.hasPrefix("0x") {
            value = Int(digits.dropFirst(2), radix: 16)
        } else if digits.hasPrefix("0o") {
            value = Int(digits.dropFirst(2), radix: 8)
        } else if digits.count > 1, digits.hasPrefix("0") {
            value = Int(digits.dropFirst(), radix: 8)
        } else {
            guard digits.allSatisfy(\.isASCIIDigit) else { return nil }
            value = Int(digits)
        }
        return value.map { negative ? -$0 : $0 }
    }

    /// PyYAML's float: digits with a `.`, an optional exponent with a sign (`1e5` is a string).
    private static func isFloat(_ text: String) -> Bool {
        var body = Substring(text)
        if let sign = body.first, sign == "-" || sign == "+" { body = body.dropFirst() }
        guard let dot = body.firstIndex(of: ".") else { return false }
        let whole = body[..<dot], rest = body[body.index(after: dot)...]
        let (fraction, exponent): (Substring, Substring?) = {
            guard let e = rest.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return (rest, nil) }
            return (rest[..<e], rest[rest.index(after: e)...])
        }()
        let digitsOK = whole.allSatisfy { $0.isASCIIDigit || $0 == "_" } && fraction.allSatisfy { $0.isASCIIDigit || $0 == "_" }
        guard digitsOK, !(whole.isEmpty && fraction.isEmpty) else { return false }
        guard let exponent else { return true }
        guard let sign = exponent.first, sign == "-" || sign == "+" else { return false }
        let power = exponent.dropFirst()
        return !power.isEmpty && power.allSatisfy(\.isASCIIDigit)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
