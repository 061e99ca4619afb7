/// Python's `ast.literal_eval` for the literals templates can hold: numbers, strings, `True`,
/// `False`, `None`, and lists, tuples and dicts of them. Sets, bytes and complex numbers have
/// no template value, so they count as not literals.
struct PythonLiteral {
    /// Why a text is not a literal; dbt then keeps the text as it is.
    struct NotALiteral: Error {}

    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var depth = 0
    private static let maxDepth = 100

    /// The value `text` spells, or nil when it is not a literal (Python's ValueError or SyntaxError).
    /// Throws for a dict with an unhashable key, as Python does.
    static func evaluate(_ text: String) throws -> Value? {
        var parser = PythonLiteral(scalars: Array(text.unicodeScalars))
        do {
            let value = try parser.expressionList(closing: nil).value
            parser.skipSpace()
            return parser.position == parser.scalars.count ? value : nil
        } catch is NotALiteral {
            return nil
        }
    }

    private init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private mutating func skipSpace() {
        while let c = current {
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" {
                position += 1
            } else if c == "\\", position + 1 < scalars.count, scalars[position + 1] == "\n" {
                position += 2
            } else if c == "#" {
                while let c = current, c != "\n" { position += 1 }
            } else {
                return
            }
        }
    }

    private mutating func consume(_ c: Unicode.Scalar) -> Bool {
        skipSpace()
        guard current == c else { return false }
        position += 1
        return true
    }

    /// `a, b, ...` up to `closing` (or the end): a tuple if there is a comma, else the one value.
    /// `isNumber` tells an unsigned number, which a sign before enclosing parentheses may apply to.
    private mutating func expressionList(closing: Unicode.Scalar?) throws -> (value: Value, isNumber: Bool) {
        var items: [(value: Value, isNumber: Bool)] = []
        var sawComma = false
        while true {
            skipSpace()
            if current == closing { break }
            items.append(try expression())
            guard consume(",") else { break }
            sawComma = true
        }
        if closing == nil && items.isEmpty { throw NotALiteral() }
        if items.count == 1 && !sawComma { return items[0] }
        return (.tuple(items.map(\.value)), false)
    }

    /// A literal, with at most one sign, and only before a number.
    private mutating func expression() throws -> (value: Value, isNumber: Bool) {
        skipSpace()
        guard let sign = current, sign == "-" || sign == "+" else { return try atom() }
        position += 1
        let (operand, isNumber) = try atom()
        guard isNumber else { throw NotALiteral() }
        return (sign == "-" ? try operand.negated() : operand, false)
    }

    /// One literal; `isNumber` tells a plain number that a sign may apply to.
    private mutating func atom() throws -> (value: Value, isNumber: Bool) {
        skipSpace()
        guard let c = current else { throw NotALiteral() }
        switch c {
        case "0"..."9", ".": return (try number(), true)
        case "'", "\"": return (try strings(), false)
        case "(":
            position += 1
            depth += 1
            defer { depth -= 1 }
            guard depth < PythonLiteral.maxDepth else { throw NotALiteral() }
            skipSpace()
            if current == ")" { position += 1; return (.tuple([]), false) }
            let inner = try expressionList(closing: ")")
            guard consume(")") else { throw NotALiteral() }
            return inner
        case "[":
            position += 1
            return (.list(try bracketed(closing: "]") { try $0.expression().value }), false)
        case "{":
            position += 1
            let storage = DictStorage()
            for (key, value) in try bracketed(closing: "}", { parser -> (Value, Value) in
                let key = try parser.expression().value
                guard parser.consume(":") else { throw NotALiteral() }
                return (key, try parser.expression().value)
            }) {
                guard DictStorage.isHashable(key) else {
                    throw TemplateError(.invalidOperation, "unhashable type: '\(key.typeName)'")
                }
                storage[key] = value
            }
            return (.dict(storage), false)
        default:
            return (try name(), false)
        }
    }

    /// Comma-separated elements up to `closing`, a trailing comma allowed.
    private mutating func bracketed<T>(closing: Unicode.Scalar, _ element: (inout PythonLiteral) throws -> T) throws -> [T] {
        depth += 1
        defer { depth -= 1 }
        guard depth < PythonLiteral.maxDepth else { throw NotALiteral() }
        var items: [T] = []
        while !consume(closing) {
            items.append(try element(&self))
            if !consume(",") {
                guard consume(closing) else { throw NotALiteral() }
                break
            }
        }
        return items
    }

    /// `True`, `False`, `None`, or a string with a prefix (`r'...'`, `u'...'`).
    private mutating func name() throws -> Value {
        let start = position
        while let c = current, c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c) { position += 1 }
        let word = String(String.UnicodeScalarView(scalars[start..<position]))
        switch word {
        case "True": return .bool(true)
        case "False": return .bool(false)
        case "None": return .none
        case "r", "R", "u", "U":
            guard current == "'" || current == "\"" else { throw NotALiteral() }
            position = start
            return try strings()
        default: throw NotALiteral()
        }
    }

    // MARK: Numbers

    /// Digits of `radix` with single underscores between them.
    private mutating func digits(_ radix: Int) -> String? {
        var text = ""
        while let c = current {
            if c == "_", !text.isEmpty, position + 1 < scalars.count, Character(scalars[position + 1]).hexDigitValue.map({ $0 < radix }) == true {
                position += 1
                continue
            }
            guard let digit = Character(c).hexDigitValue, digit < radix else { break }
            text.unicodeScalars.append(c)
            position += 1
        }
        return text.isEmpty ? nil : text
    }

    private mutating func number() throws -> Value {
        let start = position
        if current == "0", position + 1 < scalars.count,
           let radix = ["x": 16, "X": 16, "o": 8, "O": 8, "b": 2, "B": 2][Character(scalars[position + 1])] {
            position += 2
            if current == "_" { position += 1 }
            guard let text = digits(radix), !isIdentifierContinuation(), let value = PythonNumbers.parseInt(text, base: radix) else {
                throw NotALiteral()
            }
            return value
        }
        let whole = digits(10)
        var isFloat = false
        var text = whole ?? ""
        if current == "." {
            position += 1
            isFloat = true
            let fraction = digits(10)
            guard whole != nil || fraction != nil else { throw NotALiteral() }
            text = (whole ?? "0") + "." + (fraction ?? "0")
        }
        if let c = current, c == "e" || c == "E" {
            position += 1
            var exponent = "e"
            if let sign = current, sign == "+" || sign == "-" {
                exponent.unicodeScalars.append(sign)
                position += 1
            }
            guard let power = digits(10) else { throw NotALiteral() }
            text += exponent + power
            isFloat = true
        }
        guard !isIdentifierContinuation(), position > start else { throw NotALiteral() }
        if isFloat {
            guard let value = Double(text) else { throw NotALiteral() }
            return .float(value)
        }
        // Python forbids leading zeros in a non-zero decimal integer ("07").
        if text.count > 1, text.first == "0", text.contains(where: { $0 != "0" }) { throw NotALiteral() }
        guard let value = PythonNumbers.parseInt(text, base: 10) else { throw NotALiteral() }
        return value
    }

    /// Whether a name character follows a number (`1j`, `1abc`): not a literal we accept.
    private func isIdentifierContinuation() -> Bool {
        guard let c = current else { return false }
        return c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c)
    }

    // MARK: Strings

    /// One or more adjacent string literals, concatenated.
    private mutating func strings() throws -> Value {
        var text = ""
        repeat {
            text += try string()
            skipSpace()
        } while current == "'" || current == "\"" || startsPrefixedString()
        return .string(text)
    }

    private func startsPrefixedString() -> Bool {
        guard let c = current, "rRuU".unicodeScalars.contains(c), position + 1 < scalars.count else { return false }
        return scalars[position + 1] == "'" || scalars[position + 1] == "\""
    }

    private mutating func string() throws -> String {
        var raw = false
        if let c = current, "rRuU".unicodeScalars.contains(c) {
            raw = c == "r" || c == "R"
            position += 1
        }
        guard let quote = current else { throw NotALiteral() }
        let triple = position + 2 < scalars.count && scalars[position + 1] == quote && scalars[position + 2] == quote
        position += triple ? 3 : 1
        var out = String.UnicodeScalarView()
        while let c = current {
            if c == quote && (!triple || (position + 2 < scalars.count && scalars[position + 1] == quote && scalars[position + 2] == quote)) {
                position += triple ? 3 : 1
                return String(out)
            }
            if c == "\n" && !triple { throw NotALiteral() }
            position += 1
            guard c == "\\", let next = current else {
                out.append(c)
                continue
            }
            if raw {
                out.append(c)
                out.append(next)
                position += 1
            } else {
                try escape(into: &out)
            }
        }
        throw NotALiteral()
    }

    /// Decodes the escape after a backslash; unknown escapes keep the backslash, as Python does.
    private mutating func escape(into out: inout String.UnicodeScalarView) throws {
        guard let c = current else { throw NotALiteral() }
        position += 1
        let simple: [Unicode.Scalar: Unicode.Scalar] = [
            "\\": "\\", "'": "'", "\"": "\"", "a": "\u{07}", "b": "\u{08}", "f": "\u{0C}",
            "n": "\n", "r": "\r", "t": "\t", "v": "\u{0B}",
        ]
        if let decoded = simple[c] { out.append(decoded); return }
        switch c {
        case "\n": return
        case "0"..."7":
            var code = c.value - 0x30
            for _ in 0..<2 {
                guard let d = current, ("0"..."7").contains(d) else { break }
                code = code * 8 + d.value - 0x30
                position += 1
            }
            out.append(Unicode.Scalar(code) ?? "\u{FFFD}")
        case "x", "u", "U":
            let count = c == "x" ? 2 : (c == "u" ? 4 : 8)
            guard position + count <= scalars.count,
                  let code = UInt32(String(String.UnicodeScalarView(scalars[position..<position + count])), radix: 16),
                  let scalar = Unicode.Scalar(code) else { throw NotALiteral() }
            position += count
            out.append(scalar)
        case "N":
            throw NotALiteral()
        default:
            out.append("\\")
            out.append(c)
        }
    }
}
