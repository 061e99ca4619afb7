/// The tokens of a Python file, as far as reading a Python model needs them: names, string and number
/// literals and single-character operators, with comments and whitespace dropped. Brackets are checked for
/// balance and strings for their end, with Python's messages for those syntax errors.
struct PythonTokenizer {
    /// One token and where it starts (1-based line and column).
    struct Token {
        enum Kind: Equatable {
            case name(String)
            /// A string literal's value; nil for an f-string, which is not a literal.
            case string(String?)
            /// A number's value; nil for one that is not an int or a float (`1j`).
            case number(ConfigValue?)
            case op(Character)
        }

        var kind: Kind
        var line: Int
        var column: Int
    }

    /// A syntax error found while reading tokens.
    struct SyntaxError: Error {
        var message: String
        var line: Int
        var column: Int
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1

    private init(_ text: String) { scalars = Array(text.unicodeScalars) }

    /// The tokens of `text`, or the first syntax error in it.
    static func tokens(of text: String) throws(SyntaxError) -> [Token] {
        var tokenizer = PythonTokenizer(text)
        return try tokenizer.readAll()
    }

    private mutating func readAll() throws(SyntaxError) -> [Token] {
        var tokens: [Token] = []
        var open: [Token] = []
        while let scalar = peek() {
            let (startLine, startColumn) = (line, column)
            if scalar == "#" {
                while let next = peek(), next != "\n" { advance() }
            } else if scalar == "\\" || scalar.properties.isWhitespace {
                advance()
            } else if scalar == "\"" || scalar == "'" {
                tokens.append(Token(kind: .string(try readString(prefix: "")), line: startLine, column: startColumn))
            } else if scalar == "_" || scalar.properties.isAlphabetic {
                let name = readWhile { $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType != nil }
                if let quote = peek(), quote == "\"" || quote == "'", Self.stringPrefixes.contains(name.lowercased()) {
                    tokens.append(Token(kind: .string(try readString(prefix: name.lowercased())), line: startLine, column: startColumn))
                } else {
                    tokens.append(Token(kind: .name(name), line: startLine, column: startColumn))
                }
            } else if ("0"..."9").contains(scalar) || (scalar == "." && peek(1).map { ("0"..."9").contains($0) } == true) {
                tokens.append(Token(kind: .number(readNumber()), line: startLine, column: startColumn))
            } else {
                advance()
                let token = Token(kind: .op(Character(scalar)), line: startLine, column: startColumn)
                try balance(token, open: &open)
                tokens.append(token)
            }
        }
        if let unclosed = open.last, case .op(let bracket) = unclosed.kind {
            throw SyntaxError(message: "'\(bracket)' was never closed", line: unclosed.line, column: unclosed.column)
        }
        return tokens
    }

    private static let stringPrefixes: Set<String> = ["r", "u", "b", "f", "br", "rb", "fr", "rf"]
    private static let closing: [Character: Character] = [")": "(", "]": "[", "}": "{"]

    /// Keeps `open` the stack of unclosed brackets; a closing one that does not match is Python's error.
    private func balance(_ token: Token, open: inout [Token]) throws(SyntaxError) {
        guard case .op(let character) = token.kind else { return }
        if "([{".contains(character) {
            // Python's tokenizer stops at 200 levels, which also bounds the reader's recursion into literals.
            guard open.count < 200 else {
                throw SyntaxError(message: "too many nested parentheses", line: token.line, column: token.column)
            }
            open.append(token)
        } else if let opening = Self.closing[character] {
            guard let last = open.popLast(), case .op(let found) = last.kind else {
                throw SyntaxError(message: "unmatched '\(character)'", line: token.line, column: token.column)
            }
            guard found == opening else {
                let onLine = last.line == token.line ? "" : " on line \(last.line)"
                throw SyntaxError(message: "closing parenthesis '\(character)' does not match opening parenthesis '\(found)'\(onLine)",
                                  line: token.line, column: token.column)
            }
        }
    }

    /// A string literal from its opening quote; nil for an f-string. Escapes are read unless the prefix has `r`.
    private mutating func readString(prefix: String) throws(SyntaxError) -> String? {
        let (startLine, startColumn) = (line, column - prefix.count)
        guard let quote = peek() else { return nil }
        let triple = peek(1) == quote && peek(2) == quote
        for _ in 0..<(triple ? 3 : 1) { advance() }
        var value = String.UnicodeScalarView()
        while true {
            guard let scalar = peek(), triple || scalar != "\n" else {
                let kind = triple ? "unterminated triple-quoted string literal" : "unterminated string literal"
                throw SyntaxError(message: "\(kind) (detected at line \(line))", line: startLine, column: startColumn)
            }
            if scalar == quote, !triple || (peek(1) == quote && peek(2) == quote) {
                for _ in 0..<(triple ? 3 : 1) { advance() }
                return prefix.contains("f") ? nil : String(value)
            }
            advance()
            guard scalar == "\\", let escaped = peek() else {
                value.append(scalar)
                continue
            }
            advance()
            if prefix.contains("r") {
                value.append(scalar)
                value.append(escaped)
            } else if let simple = Self.escapes[escaped] {
                value.append(simple)
            } else if escaped != "\n" {
                value.append(scalar)
                value.append(escaped)
            }
        }
    }

    private static let escapes: [Unicode.Scalar: Unicode.Scalar] = [
        "n": "\n", "t": "\t", "r": "\r", "\\": "\\", "'": "'", "\"": "\"", "0": "\0", "a": "\u{07}", "b": "\u{08}",
        "f": "\u{0C}", "v": "\u{0B}",
    ]

    /// An int or float literal (underscores allowed, hex/octal/binary ints); nil for any other number.
    private mutating func readNumber() -> ConfigValue? {
        var text = readWhile { $0 == "_" || $0 == "." || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        while let last = text.last, last == "e" || last == "E", let sign = peek(), sign == "+" || sign == "-" {
            advance()
            text += String(sign) + readWhile { ("0"..."9").contains($0) || $0 == "_" }
        }
        let digits = text.replacingOccurrences(of: "_", with: "").lowercased()
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where digits.hasPrefix(prefix) {
            return Int(digits.dropFirst(2), radix: radix).map(ConfigValue.int)
        }
        if let int = Int(digits) { return .int(int) }
        return Double(digits).map(ConfigValue.double)
    }

    private mutating func readWhile(_ accept: (Unicode.Scalar) -> Bool) -> String {
        var result = String.UnicodeScalarView()
        while let scalar = peek(), accept(scalar) {
            result.append(scalar)
            advance()
        }
        return String(result)
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }
}
