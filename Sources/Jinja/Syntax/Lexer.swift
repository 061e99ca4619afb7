/// Splits template source into tokens, applying Jinja2's whitespace control (`{{-`, `-%}`)
/// and handling comments and `{% raw %}` blocks, which never reach the parser.
struct Lexer {
    private let source: TemplateSource
    private let bytes: [UInt8]
    private var pos = 0
    private var stream = TokenStream()

    private init(_ source: TemplateSource) {
        self.source = source
        self.bytes = source.bytes
    }

    /// Tokenizes `source`, ending with `.eof`.
    static func tokenize(_ source: TemplateSource) throws -> TokenStream {
        var lexer = Lexer(source)
        try lexer.run()
        return lexer.stream
    }

    private mutating func run() throws {
        var stripLeading = false
        stream.tokens.reserveCapacity(bytes.count / 4)
        while pos < bytes.count {
            let tagStart = nextTagStart(from: pos)
            var textEnd = tagStart ?? bytes.count
            var textStart = pos
            if let tagStart, tagStart + 2 < bytes.count, bytes[tagStart + 2] == UInt8(ascii: "-") {
                textEnd = trimmingWhitespace(before: textEnd, after: textStart)
            }
            if stripLeading {
                textStart = skippingWhitespace(from: textStart, before: textEnd)
            }
            if textStart < textEnd {
                emit(.text(intern(textStart, textEnd)), textStart, textEnd)
            }
            guard let tagStart else { break }
            pos = tagStart
            switch bytes[tagStart + 1] {
            case UInt8(ascii: "#"): stripLeading = try lexComment()
            case UInt8(ascii: "%"):
                if let strip = try lexRaw() { stripLeading = strip } else { stripLeading = try lexTag(isBlock: true) }
            default: stripLeading = try lexTag(isBlock: false)
            }
        }
        emit(.eof, bytes.count, bytes.count)
    }

    private func nextTagStart(from start: Int) -> Int? {
        var i = start
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "{") {
                let next = bytes[i + 1]
                if next == UInt8(ascii: "{") || next == UInt8(ascii: "%") || next == UInt8(ascii: "#") { return i }
            }
            i += 1
        }
        return nil
    }

    // MARK: Comments and raw blocks

    /// Skips `{# ... #}`; returns whether it ended with `-#}`.
    private mutating func lexComment() throws -> Bool {
        let start = pos
        guard let end = find("#}", from: pos + 2) else {
            throw error("missing end of comment tag", at: start)
        }
        pos = end + 2
        return end > start + 2 && bytes[end - 1] == UInt8(ascii: "-")
    }

    /// Handles `{% raw %}...{% endraw %}` if the tag at `pos` opens one; returns the trailing strip flag.
    private mutating func lexRaw() throws -> Bool? {
        let start = pos
        guard let (openEnd, openStrips) = matchTag(named: "raw", at: pos) else { return nil }
        var search = openEnd
        while let candidate = find("{%", from: search) {
            if let (closeEnd, closeStrips) = matchTag(named: "endraw", at: candidate) {
                var bodyStart = openEnd
                var bodyEnd = candidate
                if openStrips { bodyStart = skippingWhitespace(from: bodyStart, before: bodyEnd) }
                if bytes[candidate + 2] == UInt8(ascii: "-") {
                    bodyEnd = trimmingWhitespace(before: bodyEnd, after: bodyStart)
                }
                if bodyStart < bodyEnd {
                    emit(.text(intern(bodyStart, bodyEnd)), bodyStart, bodyEnd)
                }
                pos = closeEnd
                return closeStrips
            }
            search = candidate + 2
        }
        throw error("missing end of raw directive", at: start)
    }

    /// Matches `{%[-+]? name [-]?%}` at `at`; returns the end offset and whether it ends with `-%}`.
    private func matchTag(named name: String, at start: Int) -> (Int, Bool)? {
        var i = start + 2
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
        i = skippingWhitespace(from: i)
        for byte in name.utf8 {
            guard i < bytes.count, bytes[i] == byte else { return nil }
            i += 1
        }
        if i < bytes.count, bytes[i].isIdentifierPart, whitespaceLength(at: i) == 0 { return nil }
        i = skippingWhitespace(from: i)
        var strips = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { strips = true; i += 1 }
        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "%"), bytes[i + 1] == UInt8(ascii: "}") else { return nil }
        return (i + 2, strips)
    }

    // MARK: Whitespace

    /// The length in bytes of the whitespace character at `i` (what Python's `\s` matches, as Jinja2's lexer
    /// uses it: ASCII's, U+001C-001F, U+0085, U+00A0, U+1680, U+2000-200A, U+2028/2029, U+202F, U+205F,
    /// U+3000), or 0.
    private func whitespaceLength(at i: Int) -> Int {
        let byte = bytes[i]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) || (0x1C...0x1F).contains(byte) ? 1 : 0 }
        func at(_ offset: Int) -> UInt8? { i + offset < bytes.count ? bytes[i + offset] : nil }
        switch (byte, at(1), at(2)) {
        case (0xC2, 0x85?, _), (0xC2, 0xA0?, _): return 2
        case (0xE1, 0x9A?, 0x80?), (0xE3, 0x80?, 0x80?): return 3
        case (0xE2, 0x80?, let third?) where (0x80...0x8A).contains(third) || [0xA8, 0xA9, 0xAF].contains(third): return 3
        case (0xE2, 0x81?, 0x9F?): return 3
        default: return 0
        }
    }

    /// The first offset from `start` (before `end`) that is not whitespace.
    private func skippingWhitespace(from start: Int, before end: Int? = nil) -> Int {
        let limit = end ?? bytes.count
        var i = start
        while i < limit {
            let byte = bytes[i]
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                i += 1
                continue
            }
            if byte < 0x1C || (byte > 0x20 && byte < 0x80) { break }
            let length = whitespaceLength(at: i)
            guard length > 0, i + length <= limit else { break }
            i += length
        }
        return i
    }

    /// `end` moved back over the whitespace before it (not past `start`).
    private func trimmingWhitespace(before end: Int, after start: Int) -> Int {
        var i = end
        while i > start {
            // A whitespace character is 1 to 3 bytes long: try each length ending at `i`.
            guard let length = (1...3).first(where: { i - $0 >= start && whitespaceLength(at: i - $0) == $0 }) else { break }
            i -= length
        }
        return i
    }

    private func find(_ needle: StaticString, from start: Int) -> Int? {
        let a = needle.utf8Start[0], b = needle.utf8Start[1]
        var i = start
        while i + 1 < bytes.count {
            if bytes[i] == a, bytes[i + 1] == b { return i }
            i += 1
        }
        return nil
    }

    // MARK: Tags

    /// Lexes `{{ ... }}` or `{% ... %}`; returns whether it ended with `-}}` / `-%}`.
    private mutating func lexTag(isBlock: Bool) throws -> Bool {
        let start = pos
        emit(isBlock ? .blockBegin : .variableBegin, pos, pos + 2)
        pos += 2
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "-") || bytes[pos] == UInt8(ascii: "+") { pos += 1 }
        let closer = isBlock ? UInt8(ascii: "%") : UInt8(ascii: "}")
        var depth = 0
        while true {
            pos = skippingWhitespace(from: pos)
            guard pos < bytes.count else {
                throw error(isBlock ? "unexpected end of template, expected '%}'" : "unexpected end of template, expected '}}'", at: start)
            }
            let byte = bytes[pos]
            if depth == 0 {
                if byte == closer, pos + 1 < bytes.count, bytes[pos + 1] == UInt8(ascii: "}") {
                    emit(isBlock ? .blockEnd : .variableEnd, pos, pos + 2)
                    pos += 2
                    return false
                }
                if byte == UInt8(ascii: "-"), pos + 2 < bytes.count, bytes[pos + 1] == closer, bytes[pos + 2] == UInt8(ascii: "}") {
                    emit(isBlock ? .blockEnd : .variableEnd, pos, pos + 3)
                    pos += 3
                    return true
                }
            }
            if byte.isIdentifierStart {
                lexName()
            } else if byte.isDigit {
                try lexNumber()
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                try lexString()
            } else {
                let punct = try lexPunct()
                switch punct {
                case .lparen, .lbracket, .lbrace: depth += 1
                case .rparen, .rbracket, .rbrace: depth = max(0, depth - 1)
                default: break
                }
            }
        }
    }

    private mutating func lexName() {
        let start = pos
        while pos < bytes.count, bytes[pos].isIdentifierPart, bytes[pos] < 0x80 || whitespaceLength(at: pos) == 0 { pos += 1 }
        emit(.name(intern(start, pos)), start, pos)
    }

    private mutating func lexNumber() throws {
        let start = pos
        var isFloat = false
        skipDigits()
        if pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "."), bytes[pos + 1].isDigit {
            isFloat = true
            pos += 1
            skipDigits()
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            var i = pos + 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            if i < bytes.count, bytes[i].isDigit {
                isFloat = true
                pos = i
                skipDigits()
            }
        }
        let digits = String(decoding: bytes[start..<pos].filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        if isFloat {
            guard let value = Double(digits) else { throw error("invalid number '\(digits)'", at: start) }
            emit(.float(value), start, pos)
        } else if let value = Int(digits) {
            emit(.integer(value), start, pos)
        } else {
            emit(.bigInteger(store(digits)), start, pos)
        }
    }

    private mutating func skipDigits() {
        while pos < bytes.count, bytes[pos].isDigit || (bytes[pos] == UInt8(ascii: "_") && pos + 1 < bytes.count && bytes[pos + 1].isDigit) {
            pos += 1
        }
    }

    private mutating func lexString() throws {
        let start = pos
        let quote = bytes[pos]
        pos += 1
        // Fast path: no escapes, the literal is a slice of the source.
        var end = pos
        while end < bytes.count, bytes[end] != quote, bytes[end] != UInt8(ascii: "\\") { end += 1 }
        if end < bytes.count, bytes[end] == quote {
            let id = intern(pos, end)
            pos = end + 1
            emit(.string(id), start, pos)
            return
        }
        var decoded = Array(bytes[pos..<end])
        pos = end
        while pos < bytes.count, bytes[pos] != quote {
            if bytes[pos] == UInt8(ascii: "\\"), pos + 1 < bytes.count {
                try decodeEscape(into: &decoded)
            } else {
                decoded.append(bytes[pos])
                pos += 1
            }
        }
        guard pos < bytes.count else { throw error("unterminated string", at: start) }
        pos += 1
        emit(.string(store(String(decoding: decoded, as: UTF8.self))), start, pos)
    }

    /// Decodes one backslash escape as Python's `unicode_escape` does; unknown escapes stay as written.
    private mutating func decodeEscape(into out: inout [UInt8]) throws {
        let escapeStart = pos
        let c = bytes[pos + 1]
        pos += 2
        switch c {
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): out.append(c)
        case UInt8(ascii: "a"): out.append(0x07)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "v"): out.append(0x0B)
        case UInt8(ascii: "\n"): break
        case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
            let width = c == UInt8(ascii: "x") ? 2 : (c == UInt8(ascii: "u") ? 4 : 8)
            guard pos + width <= bytes.count,
                  let code = UInt32(String(decoding: bytes[pos..<pos + width], as: UTF8.self), radix: 16),
                  let scalar = Unicode.Scalar(code) else {
                throw error("truncated \\\(Character(Unicode.Scalar(c))) escape in string", at: escapeStart)
            }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
            pos += width
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var code = UInt32(c - UInt8(ascii: "0"))
            var count = 1
            while count < 3, pos < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[pos]) {
                code = code * 8 + UInt32(bytes[pos] - UInt8(ascii: "0"))
                pos += 1
                count += 1
            }
            if let scalar = Unicode.Scalar(code) { out.append(contentsOf: Array(String(Character(scalar)).utf8)) }
        default:
            out.append(UInt8(ascii: "\\"))
            pos -= 1
        }
    }

    private mutating func lexPunct() throws -> Punct {
        let start = pos
        let first = bytes[pos]
        let second = pos + 1 < bytes.count ? bytes[pos + 1] : 0
        let pair: Punct?
        switch (first, second) {
        case (UInt8(ascii: "/"), UInt8(ascii: "/")): pair = .floorDiv
        case (UInt8(ascii: "*"), UInt8(ascii: "*")): pair = .pow
        case (UInt8(ascii: "="), UInt8(ascii: "=")): pair = .eq
        case (UInt8(ascii: "!"), UInt8(ascii: "=")): pair = .ne
        case (UInt8(ascii: "<"), UInt8(ascii: "=")): pair = .lteq
        case (UInt8(ascii: ">"), UInt8(ascii: "=")): pair = .gteq
        default: pair = nil
        }
        if let pair {
            pos += 2
            emit(.punct(pair), start, pos)
            return pair
        }
        guard let punct = Lexer.singleCharacterPunct[Int(first)] else {
            let character = String(decoding: bytes[pos..<min(bytes.count, pos + 1)], as: UTF8.self)
            throw error("unexpected character '\(character)'", at: start)
        }
        pos += 1
        emit(.punct(punct), start, pos)
        return punct
    }

    /// One-byte operators, indexed by byte value.
    private static let singleCharacterPunct: [Punct?] = {
        var table = [Punct?](repeating: nil, count: 256)
        for punct in [Punct.add, .sub, .mul, .div, .mod, .tilde, .pipe, .dot, .comma, .colon, .semicolon, .assign,
                      .lt, .gt, .lparen, .rparen, .lbracket, .rbracket, .lbrace, .rbrace] {
            table[Int(punct.rawValue.utf8.first ?? 0)] = punct
        }
        return table
    }()

    // MARK: Helpers

    /// Adds the source bytes `start..<end` to the string table.
    private mutating func intern(_ start: Int, _ end: Int) -> Int {
        store(String(decoding: bytes[start..<end], as: UTF8.self))
    }

    private mutating func store(_ text: String) -> Int {
        stream.strings.append(text)
        return stream.strings.count - 1
    }

    private mutating func emit(_ kind: Token.Kind, _ start: Int, _ end: Int) {
        stream.tokens.append(Token(kind: kind, span: Span(start: start, end: end)))
    }

    private func error(_ message: String, at offset: Int) -> TemplateError {
        TemplateError(.syntax, message).located(offset, in: source)
    }
}

/// Maps byte offsets to line and column by binary search over line starts.
struct LineTable: Sendable {
    private var starts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        starts.reserveCapacity(bytes.count / 32 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            for i in 0..<buffer.count where buffer[i] == UInt8(ascii: "\n") { starts.append(i + 1) }
        }
    }

    func location(_ offset: Int) -> SourceLocation {
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return SourceLocation(line: low + 1, column: offset - starts[low] + 1, offset: offset)
    }
}

extension UInt8 {
    var isDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
    var isIdentifierStart: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || self == UInt8(ascii: "_") || self >= 0x80
    }
    var isIdentifierPart: Bool { isIdentifierStart || isDigit }
}
