/// Python's string formatting: `'%s-%d' % args` here, `'{}'.format(...)` in PythonFormat+Format.swift.
enum PythonFormat {
    /// `format % arguments`; `arguments` is a tuple, a dict, or a single value.
    static func percent(_ format: String, _ arguments: Value) throws -> String {
        var source = PercentArguments(arguments)
        let s = Array(format.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            let literalStart = i
            while i < s.count && s[i] != "%" { i += 1 }
            out.append(contentsOf: s[literalStart..<i])
            guard i < s.count else { break }
            i += 1
            if i < s.count && s[i] == "%" {
                out.append("%")
                i += 1
            } else {
                let conversion = try PercentConversion(s, &i, &source)
                out.append(contentsOf: try conversion.format(source.next()).unicodeScalars)
            }
        }
        try source.finish()
        return String(out)
    }

    /// Python's `ascii()` of a repr: code points beyond ASCII escaped.
    static func ascii(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII { out.unicodeScalars.append(scalar) } else { out += Value.escaped(scalar) }
        }
        return out
    }
}

/// The values `format % arguments` consumes, handed out as CPython does.
private struct PercentArguments {
    /// The arguments when they are a dict or a list (a Python mapping): `%(key)s` may look keys
    /// up, and values left unused are not an error.
    private let mapping: Value?
    private var pending: [Value]
    private var used = 0

    init(_ arguments: Value) {
        switch arguments {
        case .tuple(let items): (mapping, pending) = (nil, items)
        case .dict, .list: (mapping, pending) = (arguments, [arguments])
        default: (mapping, pending) = (nil, [arguments])
        }
    }

    mutating func next() throws -> Value {
        guard used < pending.count else {
            throw TemplateError(.invalidOperation, "not enough arguments for format string")
        }
        used += 1
        return pending[used - 1]
    }

    /// `%(key)`: the next conversion formats `mapping[key]`.
    mutating func select(_ key: String) throws {
        guard let mapping else { throw TemplateError(.invalidOperation, "format requires a mapping") }
        guard case .dict(let dict) = mapping else {
            throw TemplateError(.invalidOperation, "list indices must be integers or slices, not str")
        }
        guard let value = dict[key] else { throw TemplateError(.invalidArgument, "KeyError: '\(key)'") }
        (pending, used) = ([value], 0)
    }

    func finish() throws {
        if used < pending.count && mapping == nil {
            throw TemplateError(.invalidOperation, "not all arguments converted during string formatting")
        }
    }
}

/// One `%[(key)][flags][width][.precision][length]type` conversion.
private struct PercentConversion {
    var leftAligned = false
    var sign: Character?
    var alternate = false
    var zeroPadded = false
    var width = 0
    var precision: Int?
    var type: Unicode.Scalar = "s"
    /// Where `type` is in the format, for messages.
    var index = 0

    /// Parses the conversion after a `%` at `i`, moving `i` past it; a `(key)` selects the value
    /// to format, a `*` width or precision takes the next argument.
    init(_ s: [Unicode.Scalar], _ i: inout Int, _ source: inout PercentArguments) throws {
        if i < s.count && s[i] == "(" {
            let keyStart = i + 1
            var depth = 1
            i += 1
            while i < s.count && depth > 0 {
                if s[i] == ")" { depth -= 1 } else if s[i] == "(" { depth += 1 }
                i += 1
            }
            guard depth == 0 else { throw TemplateError(.invalidArgument, "incomplete format key") }
            try source.select(String(String.UnicodeScalarView(s[keyStart..<(i - 1)])))
        }
        flags: while i < s.count {
            switch s[i] {
            case "-": leftAligned = true
            case "+": sign = "+"
            case " ": sign = sign ?? " "
            case "#": alternate = true
            case "0": zeroPadded = true
            default: break flags
            }
            i += 1
        }
        func number() throws -> Int? {
            if i < s.count && s[i] == "*" {
                i += 1
                guard case .int(let value) = try source.next() else {
                    throw TemplateError(.invalidOperation, "* wants int")
                }
                return value
            }
            let start = i
            while i < s.count, ("0"..."9").contains(s[i]) { i += 1 }
            guard i > start else { return nil }
            return try FormatSpec.checkedWidth(Int(String(String.UnicodeScalarView(s[start..<i]))) ?? Int.max)
        }
        if let width = try number() {
            leftAligned = leftAligned || width < 0
            self.width = try FormatSpec.checkedWidth(Int(clamping: width.magnitude))
        }
        if i < s.count && s[i] == "." {
            i += 1
            precision = max(0, try number() ?? 0)
        }
        if i < s.count && "hlL".unicodeScalars.contains(s[i]) { i += 1 }
        guard i < s.count else { throw TemplateError(.invalidArgument, "incomplete format") }
        type = s[i]
        index = i
        i += 1
    }

    func format(_ value: Value) throws -> String {
        switch type {
        case "s", "r", "a":
            var text = type == "s" ? value.str : type == "r" ? value.repr : PythonFormat.ascii(value.repr)
            if let precision, text.unicodeScalars.count > precision { text = String(text.unicodeScalars.prefix(precision)) }
            return padded(text)
        case "c":
            return padded(try character(value))
        case "d", "i", "u", "x", "X", "o":
            let integral = type == "x" || type == "X" || type == "o"
            func required(_ kind: String) -> TemplateError {
                TemplateError(.invalidOperation, "%\(type) format: \(kind) is required, not \(value.typeName)")
            }
            // `%d` of a decimal formats `int(x)`; `%x` and `%o` refuse it, as Python does.
            let whole = integral ? value : try value.decimal.map { Value.integer(try $0.truncated()) } ?? value
            guard let number = Value.Number(whole) else { throw required(integral ? "an integer" : "a real number") }
            if integral, case .float = number { throw required("an integer") }
            var formatted = try FormattedNumber(integer: number, radix: integral ? (type == "o" ? 8 : 16) : 10,
                                                uppercase: type == "X")
            if let precision, formatted.digits.count < precision {
                formatted.digits = String(repeating: "0", count: precision - formatted.digits.count) + formatted.digits
            }
            if alternate && integral { formatted.prefix = "0" + String(type) }
            return rendered(formatted)
        case "e", "E", "f", "F", "g", "G":
            guard let number = Value.Number(value.decimal.map { Value.float($0.asDouble) } ?? value) else {
                throw TemplateError(.invalidOperation, "must be real number, not \(value.typeName)")
            }
            if case .big(let big) = number, !big.asDouble.isFinite {
                throw TemplateError(.invalidArgument, "int too large to convert to float")
            }
            return rendered(FormattedNumber(float: number.double, type: Character(type), precision: precision ?? 6,
                                            alternate: alternate))
        default:
            let hex = String(type.value, radix: 16)
            throw TemplateError(.invalidArgument,
                "unsupported format character '\(type)' (0x\(hex.count < 2 ? "0" : "")\(hex)) at index \(index)")
        }
    }

    /// `%c`: an int names a code point; a one-character string is itself.
    private func character(_ value: Value) throws -> String {
        switch value {
        case .string(let text) where text.unicodeScalars.count == 1: return text
        case .int, .bool:
            guard case .int(let code)? = Value.Number(value), code >= 0,
                  let scalar = Unicode.Scalar(UInt32(clamping: code)) else {
                throw TemplateError(.invalidArgument, "%c arg not in range(0x110000)")
            }
            return String(scalar)
        default:
            throw TemplateError(.invalidOperation, "%c requires int or char")
        }
    }

    private func padded(_ text: String) -> String {
        FormatSpec.aligned("", text, width: width, fill: " ", align: leftAligned ? .left : .right)
    }

    private func rendered(_ number: FormattedNumber) -> String {
        let align: FormatSpec.Align = leftAligned ? .left : zeroPadded ? .afterSign : .right
        return number.rendered(sign: sign, width: width, fill: zeroPadded && !leftAligned ? "0" : " ", align: align)
    }
}
