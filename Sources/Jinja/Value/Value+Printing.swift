/// Python's `str()` and `repr()` for template values: `True`, `None`, `[1, 'a']`, `2.0`, `1.5e-07`.
extension Value {
    /// What `{{ value }}` prints (Python's `str`; undefined prints empty); a part nested deeper
    /// than `ValueNesting.maxDepth` prints as `...`.
    public var str: String {
        switch self {
        case .undefined: return ""
        case .string(let s): return s
        case .object(let o): return o.display
        default: return repr
        }
    }

    /// Python's `repr`, used inside containers; a list or dict inside itself prints as `[...]`
    /// or `{...}` as in Python, a part nested too deeply as `...`.
    public var repr: String {
        var out = ""
        var walk = ReprWalk(failsWhenTooDeep: false)
        try? writeRepr(into: &out, &walk)
        return out
    }

    /// `str`, failing (as Python does) for a value nested deeper than `ValueNesting.maxDepth`.
    public func printed() throws -> String {
        switch self {
        case .undefined, .string, .object: return str
        default:
            var out = ""
            var walk = ReprWalk(failsWhenTooDeep: true)
            try writeRepr(into: &out, &walk)
            return out
        }
    }

    /// The containers being printed (for `[...]`) and how deep the walk is.
    struct ReprWalk {
        let failsWhenTooDeep: Bool
        var open: Set<ObjectIdentifier> = []
        var depth = 0
    }

    func writeRepr(into out: inout String, _ walk: inout ReprWalk) throws {
        switch self {
        case .undefined: out += "Undefined"
        case .none: out += "None"
        case .bool(let b): out += b ? "True" : "False"
        case .int(let i): out += String(i)
        case .bigInt(let b): out += b.description
        case .float(let d): out += Value.formatFloat(d)
        case .string(let s): Value.writeQuoted(s, into: &out)
        case .list(let l):
            try Value.writeNested(ObjectIdentifier(l), cycle: "[...]", into: &out, &walk) { out, walk in
                try Value.writeSequence(l.items, open: "[", close: "]", into: &out, &walk)
            }
        case .tuple(let t):
            try Value.writeNested(nil, cycle: "", into: &out, &walk) { out, walk in
                try Value.writeSequence(t, open: "(", close: t.count == 1 ? ",)" : ")", into: &out, &walk)
            }
        case .dict(let d):
            try Value.writeNested(ObjectIdentifier(d), cycle: "{...}", into: &out, &walk) { out, walk in
                out += "{"
                var first = true
                for (key, value) in d.entries {
                    if !first { out += ", " }
                    first = false
                    try key.writeRepr(into: &out, &walk)
                    out += ": "
                    try value.writeRepr(into: &out, &walk)
                }
                out += "}"
            }
        case .callable(let c): out += "<\(c.typeName) \(c.name)>"
        case .object(let decimal as PythonDecimal): out += decimal.repr
        case .object(let o): out += o.display
        }
    }

    /// Writes a container one level down: `cycle` if it is already being written, `...` (or an
    /// error) when too deep.
    private static func writeNested(_ identity: ObjectIdentifier?, cycle: String, into out: inout String,
                                    _ walk: inout ReprWalk, _ body: (inout String, inout ReprWalk) throws -> Void) throws {
        if let identity, walk.open.contains(identity) {
            out += cycle
            return
        }
        guard !ValueNesting.exceeded(walk.depth + 1) else {
            if walk.failsWhenTooDeep { throw ValueNesting.error }
            out += "..."
            return
        }
        if let identity { walk.open.insert(identity) }
        walk.depth += 1
        defer {
            walk.depth -= 1
            if let identity { walk.open.remove(identity) }
        }
        try body(&out, &walk)
    }

    private static func writeSequence(_ items: [Value], open: String, close: String, into out: inout String,
                                      _ walk: inout ReprWalk) throws {
        out += open
        for (i, item) in items.enumerated() {
            if i > 0 { out += ", " }
            try item.writeRepr(into: &out, &walk)
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
