/// Python's format specification mini-language,
/// `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`, and `format(value, spec)`
/// for the built-in value types, with the checks and messages of their `__format__` methods.
struct FormatSpec {
    enum Align: Character {
        case left = "<", right = ">", center = "^", afterSign = "="
    }

    /// The longest padded field or precision accepted, to keep a template from exhausting memory.
    static let maxWidth = 10_000_000

    private var fill: Unicode.Scalar?
    private var align: Align?
    private var sign: Character?
    private var coercesNegativeZero = false
    private var alternate = false
    /// A `0` before the width: zero fill, and for numbers alignment after the sign.
    private var zeroPadding = false
    private var width = 0
    private var grouping: Character?
    private var precision: Int?
    private var type: Character?
    /// The Python type of the value being formatted, for messages.
    private let typeName: String

    /// `format(value, spec)`: Python's `str`, `int`, `bool`, `float` and `Decimal` formatting; other values
    /// accept only the empty spec, which prints them as `str()` does.
    static func format(_ value: Value, _ spec: String) throws -> String {
        if spec.isEmpty { return value.str }
        switch value {
        case .string(let text): return try FormatSpec(spec, value.typeName).string(text)
        case .bool(let flag): return try FormatSpec(spec, value.typeName).integer(.int(flag ? 1 : 0))
        case .int(let number): return try FormatSpec(spec, value.typeName).integer(.int(number))
        case .bigInt(let number): return try FormatSpec(spec, value.typeName).integer(.big(number))
        case .float(let number): return try FormatSpec(spec, value.typeName).float(number)
        case .object(let number as PythonDecimal): return try FormatSpec(spec, value.typeName).decimal(number)
        default:
            throw TemplateError(.invalidOperation, "unsupported format string passed to \(value.typeName).__format__")
        }
    }

    /// `width` if it is within `maxWidth`.
    static func checkedWidth(_ width: Int) throws -> Int {
        guard width <= maxWidth else {
            throw TemplateError(.limitExceeded, "width \(width) exceeds the limit of \(maxWidth)")
        }
        return width
    }

    /// `lead + body` padded with `fill` to `width` code points; `.afterSign` pads between the two.
    static func aligned(_ lead: String, _ body: String, width: Int, fill: Unicode.Scalar, align: Align) -> String {
        let padding = width - lead.unicodeScalars.count - body.unicodeScalars.count
        guard padding > 0 else { return lead + body }
        func fillText(_ count: Int) -> String { String(repeating: String(fill), count: count) }
        switch align {
        case .left: return lead + body + fillText(padding)
        case .right: return fillText(padding) + lead + body
        case .center: return fillText(padding / 2) + lead + body + fillText(padding - padding / 2)
        case .afterSign: return lead + fillText(padding) + body
        }
    }

    private init(_ spec: String, _ typeName: String) throws {
        self.typeName = typeName
        let s = Array(spec.unicodeScalars)
        var i = 0
        func take(_ accepted: String) -> Character? {
            guard i < s.count, accepted.unicodeScalars.contains(s[i]) else { return nil }
            defer { i += 1 }
            return Character(s[i])
        }
        func number() throws -> Int? {
            let start = i
            while i < s.count, ("0"..."9").contains(s[i]) { i += 1 }
            guard i > start else { return nil }
            guard i - start < 19, let value = Int(String(String.UnicodeScalarView(s[start..<i]))) else {
                throw TemplateError(.invalidArgument, "Too many decimal digits in format string")
            }
            return try Self.checkedWidth(value)
        }
        if s.count >= 2, let align = Align(rawValue: Character(s[1])) {
            (fill, self.align, i) = (s[0], align, 2)
        } else if let first = s.first, let align = Align(rawValue: Character(first)) {
            (self.align, i) = (align, 1)
        }
        sign = take("+- ")
        coercesNegativeZero = take("z") != nil
        alternate = take("#") != nil
        if fill == nil { zeroPadding = take("0") != nil }
        width = try number() ?? 0
        grouping = take(",_")
        if grouping == "_" && take(",") != nil || grouping == "," && take("_") != nil {
            throw TemplateError(.invalidArgument, "Cannot specify both ',' and '_'.")
        }
        if take(".") != nil {
            guard let precision = try number() else {
                throw TemplateError(.invalidArgument, "Format specifier missing precision")
            }
            self.precision = precision
        }
        guard s.count - i <= 1 else {
            throw TemplateError(.invalidArgument, "Invalid format specifier '\(spec)' for object of type '\(typeName)'")
        }
        type = i < s.count ? Character(s[i]) : nil
        if let grouping {
            let isRadix = type.map { "boxX".contains($0) } == true
            guard "defgEG%F".contains(type ?? "d") || grouping == "_" && isRadix else {
                throw TemplateError(.invalidArgument, "Cannot specify '\(grouping)' with '\(type ?? "s")'.")
            }
        }
    }

    private var resolvedFill: Unicode.Scalar { fill ?? (zeroPadding ? "0" : " ") }

    private func unknownType() -> TemplateError {
        TemplateError(.invalidArgument, "Unknown format code '\(type ?? " ")' for object of type '\(typeName)'")
    }

    private func refuse(_ message: String) -> TemplateError {
        TemplateError(.invalidArgument, message)
    }

    private func string(_ text: String) throws -> String {
        guard type == nil || type == "s" else { throw unknownType() }
        if sign != nil { throw refuse("Sign not allowed in string format specifier") }
        if coercesNegativeZero { throw refuse("Negative zero coercion (z) not allowed in string format specifier") }
        if alternate { throw refuse("Alternate form (#) not allowed in string format specifier") }
        if align == .afterSign { throw refuse("'=' alignment not allowed in string format specifier") }
        if let grouping { throw refuse("Cannot specify '\(grouping)' with 's'.") }
        var text = text
        if let precision, text.unicodeScalars.count > precision {
            text = String(text.unicodeScalars.prefix(precision))
        }
        return Self.aligned("", text, width: width, fill: resolvedFill, align: align ?? .left)
    }

    private func integer(_ number: Value.Number) throws -> String {
        let radix: Int
        switch type {
        case nil, "d", "n": radix = 10
        case "b": radix = 2
        case "o": radix = 8
        case "x", "X": radix = 16
        case "c": return try character(number)
        case "e", "E", "f", "F", "g", "G", "%":
            let value = number.double
            guard value.isFinite else { throw refuse("int too large to convert to float") }
            return try float(value)
        default: throw unknownType()
        }
        if precision != nil { throw refuse("Precision not allowed in integer format specifier") }
        if coercesNegativeZero { throw refuse("Negative zero coercion (z) not allowed in integer format specifier") }
        var formatted = try FormattedNumber(integer: number, radix: radix, uppercase: type == "X")
        if alternate && radix != 10 { formatted.prefix = "0" + String(type ?? "x") }
        return rendered(formatted)
    }

    /// The `c` presentation of an int: the code point it names.
    private func character(_ number: Value.Number) throws -> String {
        if precision != nil { throw refuse("Precision not allowed in integer format specifier") }
        if sign != nil { throw refuse("Sign not allowed with integer format specifier 'c'") }
        if alternate { throw refuse("Alternate form (#) not allowed with integer format specifier 'c'") }
        guard case .int(let code) = number, code >= 0, let scalar = Unicode.Scalar(UInt32(clamping: code)) else {
            throw refuse("%c arg not in range(0x110000)")
        }
        return Self.aligned("", String(scalar), width: width, fill: resolvedFill, align: align ?? .right)
    }

    private func float(_ value: Double) throws -> String {
        switch type {
        case nil, "e", "E", "f", "F", "g", "G", "n", "%": break
        default: throw unknownType()
        }
        var formatted = FormattedNumber(float: value, type: type, precision: precision, alternate: alternate)
        if coercesNegativeZero && formatted.isZero { formatted.negative = false }
        return rendered(formatted)
    }

    private func decimal(_ value: PythonDecimal) throws -> String {
        switch type {
        case nil, "e", "E", "f", "F", "g", "G", "n", "%": break
        default: throw TemplateError(.invalidArgument, "invalid format string")
        }
        var formatted = try FormattedNumber(decimal: value, type: type, precision: precision, alternate: alternate)
        if coercesNegativeZero && formatted.isZero { formatted.negative = false }
        return rendered(formatted)
    }

    private func rendered(_ number: FormattedNumber) -> String {
        let size = grouping == "_" && type.map { "boxX".contains($0) } == true ? 4 : 3
        return number.rendered(sign: sign == "-" ? nil : sign, width: width, fill: resolvedFill,
                               align: align ?? (zeroPadding ? .afterSign : .right),
                               grouping: grouping.map { ($0, size) })
    }
}
