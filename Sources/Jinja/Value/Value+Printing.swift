/// Python's `str()` and `repr()` for template values: `True`, `None`, `[1, 'a']`, `2.0`, `1.5e-07`.
extension Value {
    /// What `{{ value }}` prints (Python's `str`; undefined prints empty).
    public var str: String {
        switch self {
        case .undefined: return ""
        case .string(let s): return s
        case .object(let o): return o.display
        default: return repr
        }
    }

    /// Python's `repr`, used inside containers.
    public var repr: String {
        var out = ""
        writeRepr(into: &out)
        return out
    }

    func writeRepr(into out: inout String) {
        switch self {
        case .undefined: out += "Undefined"
        case .none: out += "None"
        case .bool(let b): out += b ? "True" : "False"
        case .int(let i): out += String(i)
        case .bigInt(let b): out += b.description
        case .float(let d): out += Value.formatFloat(d)
        case .string(let s): Value.writeQuoted(s, into: &out)
        case .list(let l): writeSequence(l.items, open: "[", close: "]", into: &out)
        case .tuple(let t):
            writeSequence(t, open: "(", close: t.count == 1 ? ",)" : ")", into: &out)
        case .dict(let d):
            out += "{"
            var first = true
            for (key, value) in d.entries {
                if !first { out += ", " }
                first = false
                key.writeRepr(into: &out)
                out += ": "
                value.writeRepr(into: &out)
            }
            out += "}"
        case .callable(let c): out += "<\(c.typeName) \(c.name)>"
        case .object(let o): out += o.display
        }
    }

    private func writeSequence(_ items: [Value], open: String, close: String, into out: inout String) {
        out += open
        for (i, item) in items.enumerated() {
            if i > 0 { out += ", " }
            item.writeRepr(into: &out)
        }
        out += close
    }

    /// Python's repr of a string: single quotes unless the text has `'` and no `"`; code points
    /// that are not printable (controls, separators other than space...) escaped.
    static func writeQuoted(_ s: String, into out: inout String) {
        let scalars = s.unicodeScalars
        let quote: Unicode.Scalar = scalars.contains("'") && !scalars.contains("\"") ? "\"" : "'"
        out.unicodeScalars.append(quote)
        for scalar in scalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case quote: out += "\\" + String(quote)
            default:
                if (0x20..<0x7F).contains(scalar.value) || scalar.value > 0x7F && PythonUnicode.isPrintable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += escaped(scalar)
                }
            }
        }
        out.unicodeScalars.append(quote)
    }

    /// Python's `\xhh`, `\uhhhh` or `\Uhhhhhhhh` escape of a code point.
    static func escaped(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        let (escape, width) = scalar.value < 0x100 ? ("\\x", 2) : scalar.value < 0x10000 ? ("\\u", 4) : ("\\U", 8)
        return escape + String(repeating: "0", count: width - hex.count) + hex
    }

    /// Python's float repr: the shortest round-tripping digits, positional for exponents
    /// from -4 to 15, scientific (`1e+16`, `1.5e-07`) outside, and always a `.0` when whole.
    static func formatFloat(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        // Swift prints the same shortest digits as Python; only the layout differs.
        let swift = "\(abs(d))"
        var digits = ""
        var exponent = 0
        var pointSeen = false
        var mantissaEnd = swift.endIndex
        if let e = swift.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(swift[swift.index(after: e)...]) ?? 0
            mantissaEnd = e
        }
        var digitsBeforePoint = 0
        for ch in swift[..<mantissaEnd] {
            if ch == "." { pointSeen = true; continue }
            digits.append(ch)
            if !pointSeen { digitsBeforePoint += 1 }
        }
        // Normalize to digits d1 d2 ... with the decimal point after `pointPosition` digits.
        let leadingZeros = digits.prefix(while: { $0 == "0" }).count
        digits.removeFirst(leadingZeros)
        var pointPosition = digitsBeforePoint - leadingZeros + exponent
        while digits.last == "0" { digits.removeLast() }
        if digits.isEmpty { digits = "0"; pointPosition = 1 }
        let sign = d < 0 ? "-" : ""
        let decimalExponent = pointPosition - 1
        if decimalExponent < -4 || decimalExponent >= 16 {
            var mantissa = String(digits.prefix(1))
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let expSign = decimalExponent < 0 ? "-" : "+"
            let expDigits = String(abs(decimalExponent))
            return sign + mantissa + "e" + expSign + (expDigits.count < 2 ? "0" + expDigits : expDigits)
        }
        if pointPosition <= 0 {
            return sign + "0." + String(repeating: "0", count: -pointPosition) + digits
        }
        if pointPosition >= digits.count {
            return sign + digits + String(repeating: "0", count: pointPosition - digits.count) + ".0"
        }
        let split = digits.index(digits.startIndex, offsetBy: pointPosition)
        return sign + digits[..<split] + "." + digits[split...]
    }
}
