/// A fast reader for the plain block-style YAML that property files, `dbt_project.yml` and
/// profiles are written in: block mappings and sequences, single-line plain and quoted scalars,
/// one-line flow sequences of scalars, empty `{}`/`[]`, and comments.
///
/// It produces exactly the `YAMLNode` tree (values, plain-or-quoted resolution, lines and
/// columns as libYAML counts them) that `YAMLComposer` gives. Anything outside that subset,
/// and anything invalid, is declined (`nil`) and read by `YAMLComposer` instead, which then also reports
/// the errors: multi-line and block scalars, anchors, aliases, tags, directives, document markers,
/// complex keys, non-empty flow mappings, nested or multi-line flow sequences, tabs, carriage
/// returns, and characters libYAML treats specially. A key written twice in a mapping keeps its first place
/// and its last value, as PyYAML (which dbt reads YAML with) keeps it, and is reported in `duplicates`.
enum YAMLFastReader {
    enum Outcome {
        /// No document (only blank lines and comments).
        case empty
        /// The document, and the keys written twice in one of its mappings.
        case node(YAMLNode, duplicates: [DuplicateKey])
    }

    /// A key written a second time in one mapping: the later value replaced the earlier one.
    struct DuplicateKey: Sendable {
        var key: String
        var first: FileLocation
        var second: FileLocation
    }

    /// The document of `text`, or nil when `YAMLComposer` must read it.
    static func read(_ text: String, path: String) -> Outcome? {
        var text = text
        return text.withUTF8 { bytes -> Outcome? in
            guard let reader = Reader(bytes, path: path) else { return nil }
            guard let outcome = try? reader.document() else { return nil }
            if case .node(let node, _) = outcome { return .node(node, duplicates: reader.duplicates) }
            return outcome
        }
    }
}

/// Declines the input: the composer reads it.
private struct Declined: Error {}

private final class Reader {
    /// One line holding content (blank and comment-only lines are left out).
    struct Line {
        /// Offset of the line's first byte.
        var start: Int
        /// Offset of the line's end (its newline or the end of text).
        var end: Int
        /// Leading spaces.
        var indent: Int
        /// 1-based line number.
        var number: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let path: String
    var lines: [Line] = []
    /// The line being read.
    var index = 0
    /// Keys written twice in a mapping, in the order met.
    var duplicates: [YAMLFastReader.DuplicateKey] = []

    private static let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n"), hash = UInt8(ascii: "#")
    private static let colon = UInt8(ascii: ":"), dash = UInt8(ascii: "-"), comma = UInt8(ascii: ",")
    private static let single = UInt8(ascii: "'"), double = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
    private static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
    private static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")

    /// Splits the text into content lines; nil for text with characters this reader leaves to the composer.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, path: String) {
        self.bytes = bytes
        self.path = path
        let count = bytes.count
        var position = 0
        var number = 1
        while position < count {
            let start = position
            var indent = 0
            while position < count, bytes[position] == Reader.space {
                indent += 1
                position += 1
            }
            let contentStart = position
            while position < count, bytes[position] != Reader.newline {
                let byte = bytes[position]
                if byte < 0x20 || byte == 0x7F { return nil }  // tabs, carriage returns, control characters
                if byte >= 0x80 {
                    // C1 controls and NEL (U+0080–U+009F), LS and PS (U+2028/9), BOM (U+FEFF), U+FFFE/F.
                    if byte == 0xC2, position + 1 < count, bytes[position + 1] < 0xA0 { return nil }
                    if byte == 0xE2, position + 2 < count, bytes[position + 1] == 0x80,
                       bytes[position + 2] == 0xA8 || bytes[position + 2] == 0xA9 { return nil }
                    if byte == 0xEF, position + 2 < count, bytes[position + 1] == 0xBB, bytes[position + 2] == 0xBF { return nil }
                    if byte == 0xEF, position + 2 < count, bytes[position + 1] == 0xBF, bytes[position + 2] >= 0xBE { return nil }
                }
                position += 1
            }
            let end = position
            if contentStart < end, bytes[contentStart] != Reader.hash {
                if indent == 0 {
                    // Directives and document markers.
                    if bytes[start] == UInt8(ascii: "%") { return nil }
                    if end - start >= 3, (bytes[start] == Reader.dash || bytes[start] == UInt8(ascii: ".")),
                       bytes[start + 1] == bytes[start], bytes[start + 2] == bytes[start],
                       end - start == 3 || bytes[start + 3] == Reader.space { return nil }
                }
                lines.append(Line(start: start, end: end, indent: indent, number: number))
            }
            position += 1
            number += 1
        }
    }

    func document() throws -> YAMLFastReader.Outcome {
        guard !lines.isEmpty else { return .empty }
        let node = try block(at: lines[0].start + lines[0].indent)
        guard index == lines.count else { throw Declined() }
        return .node(node, duplicates: [])
    }

    // MARK: Positions

    /// libYAML's 1-based column: characters (not bytes) from the line start.
    func location(_ line: Line, _ position: Int) -> FileLocation {
        var column = 1
        var offset = line.start
        while offset < position {
            if bytes[offset] & 0xC0 != 0x80 { column += 1 }
            offset += 1
        }
        return FileLocation(path: path, line: line.number, column: column)
    }

    func skipSpaces(_ position: Int, _ end: Int) -> Int {
        var position = position
        while position < end, bytes[position] == Reader.space { position += 1 }
        return position
    }

    /// Whether only spaces and a comment remain from `position` (a comment needs a space before it).
    func atLineEnd(_ position: Int, _ line: Line) -> Bool {
        let next = skipSpaces(position, line.end)
        if next == line.end { return true }
        return bytes[next] == Reader.hash && next > position
    }

    func isEntry(_ position: Int, _ line: Line) -> Bool {
        bytes[position] == Reader.dash && (position + 1 == line.end || bytes[position + 1] == Reader.space)
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    // MARK: Block structure

    /// The block node starting at `position` of the current line (its column is its indentation).
    func block(at position: Int) throws -> YAMLNode {
        let line = lines[index]
        if isEntry(position, line) { return try sequence(indent: position - line.start) }
        return try mapping(indent: position - line.start, first: position)
    }

    func sequence(indent: Int) throws -> YAMLNode {
        let location = location(lines[index], lines[index].start + indent)
        var items: [YAMLNode] = []
        while index < lines.count, lines[index].indent == indent, isEntry(lines[index].start + indent, lines[index]) {
            let line = lines[index]
            let content = skipSpaces(line.start + indent + 1, line.end)
            if atLineEnd(line.start + indent + 1, line) {
                // `-` alone: the item is the more indented block below (an empty item is left to the composer).
                index += 1
                guard index < lines.count, lines[index].indent > indent else { throw Declined() }
                items.append(try block(at: lines[index].start + lines[index].indent))
            } else if isEntry(content, line) {
                throw Declined()
            } else if try key(at: content, line) != nil {
                items.append(try mapping(indent: content - line.start, first: content))
            } else {
                items.append(try inline(at: content, line))
                index += 1
            }
            if index < lines.count, lines[index].indent > indent { throw Declined() }
        }
        return YAMLNode(kind: .sequence(items), location: location)
    }

    func mapping(indent: Int, first: Int) throws -> YAMLNode {
        let location = location(lines[index], first)
        var pairs: [(key: String, value: YAMLNode)] = []
        // Keys seen, for duplicates: compared one by one while few, hashed past that.
        var keys: Set<String> = []
        var keyLocations: [FileLocation] = []
        var position = first
        while true {
            let line = lines[index]
            guard let (name, afterColon) = try key(at: position, line) else { throw Declined() }
            let repeated: Bool
            if pairs.count < 8 {
                repeated = pairs.contains(where: { $0.key == name })
            } else {
                if keys.isEmpty { keys = Set(pairs.map(\.key)) }
                repeated = !keys.insert(name).inserted
            }
            let keyLocation = self.location(line, position)
            let value: YAMLNode
            if atLineEnd(afterColon, line) {
                index += 1
                if index < lines.count, lines[index].indent > indent {
                    value = try block(at: lines[index].start + lines[index].indent)
                } else if index < lines.count, lines[index].indent == indent, isEntry(lines[index].start + indent, lines[index]) {
                    value = try sequence(indent: indent)
                } else {
                    // An empty value: libYAML places it just after the colon.
                    value = YAMLNode(kind: .null, location: self.location(line, afterColon))
                }
            } else {
                value = try inline(at: skipSpaces(afterColon, line.end), line)
                index += 1
            }
            if repeated, let earlier = pairs.firstIndex(where: { $0.key == name }) {
                duplicates.append(YAMLFastReader.DuplicateKey(key: name, first: keyLocations[earlier], second: keyLocation))
                pairs[earlier].value = value
            } else {
                pairs.append((name, value))
                keyLocations.append(keyLocation)
            }
            guard index < lines.count else { break }
            let next = lines[index]
            if next.indent > indent { throw Declined() }
            guard next.indent == indent, !isEntry(next.start + indent, next) else { break }
            position = next.start + indent
        }
        return YAMLNode(kind: .mapping(pairs), location: location)
    }

    /// The mapping key at `position` and the offset after its colon, or nil when the line holds no key there.
    func key(at position: Int, _ line: Line) throws -> (String, Int)? {
        let first = bytes[position]
        if first == Reader.single || first == Reader.double {
            let (value, after) = try quoted(at: position, line)
            let colon = skipSpaces(after, line.end)
            guard colon < line.end, bytes[colon] == Reader.colon,
                  colon + 1 == line.end || bytes[colon + 1] == Reader.space else { return nil }
            return (value, colon + 1)
        }
        guard Reader.canStartPlain(first, position + 1 < line.end ? bytes[position + 1] : nil) else { return nil }
        var offset = position
        while offset < line.end {
            let byte = bytes[offset]
            if byte == Reader.colon, offset + 1 == line.end || bytes[offset + 1] == Reader.space {
                var end = offset
                while end > position, bytes[end - 1] == Reader.space { end -= 1 }
                guard offset - position <= 1000 else { throw Declined() }
                return (text(position, end), offset + 1)
            }
            if byte == Reader.hash, bytes[offset - 1] == Reader.space { return nil }
            offset += 1
        }
        return nil
    }

    // MARK: Scalars and flow sequences

    /// A value written on the rest of this line: a scalar, a flow sequence of scalars, `[]` or `{}`.
    func inline(at position: Int, _ line: Line) throws -> YAMLNode {
        let first = bytes[position]
        let location = location(line, position)
        let node: YAMLNode
        let after: Int
        switch first {
        case Reader.single, Reader.double:
            let (value, end) = try quoted(at: position, line)
            (node, after) = (YAMLNode(kind: .scalar(.string(value)), location: location), end)
        case Reader.openBracket:
            (node, after) = try flowSequence(at: position, line, location)
        case Reader.openBrace:
            let close = skipSpaces(position + 1, line.end)
            guard close < line.end, bytes[close] == Reader.closeBrace else { throw Declined() }
            (node, after) = (YAMLNode(kind: .mapping([]), location: location), close + 1)
        default:
            guard Reader.canStartPlain(first, position + 1 < line.end ? bytes[position + 1] : nil) else { throw Declined() }
            var offset = position
            var end = position
            while offset < line.end {
                let byte = bytes[offset]
                if byte == Reader.colon, offset + 1 == line.end || bytes[offset + 1] == Reader.space { throw Declined() }
                if byte == Reader.hash, bytes[offset - 1] == Reader.space { break }
                if byte != Reader.space { end = offset + 1 }
                offset += 1
            }
            (node, after) = (YAMLNode(kind: YAMLScalar.resolve(text(position, end)), location: location), end)
        }
        guard atLineEnd(after, line) else { throw Declined() }
        return node
    }

    /// `[a, 'b', 3]` on one line, of scalars only.
    func flowSequence(at position: Int, _ line: Line, _ location: FileLocation) throws -> (YAMLNode, Int) {
        var items: [YAMLNode] = []
        var offset = skipSpaces(position + 1, line.end)
        if offset < line.end, bytes[offset] == Reader.closeBracket {
            return (YAMLNode(kind: .sequence([]), location: location), offset + 1)
        }
        while true {
            guard offset < line.end else { throw Declined() }
            let first = bytes[offset]
            let itemLocation = self.location(line, offset)
            if first == Reader.single || first == Reader.double {
                let (value, end) = try quoted(at: offset, line)
                items.append(YAMLNode(kind: .scalar(.string(value)), location: itemLocation))
                offset = end
            } else {
                guard Reader.canStartPlain(first, offset + 1 < line.end ? bytes[offset + 1] : nil),
                      first != Reader.comma, first != Reader.closeBracket else { throw Declined() }
                let start = offset
                var end = offset
                while offset < line.end {
                    let byte = bytes[offset]
                    if byte == Reader.comma || byte == Reader.closeBracket { break }
                    if byte == Reader.colon || byte == Reader.openBracket || byte == Reader.openBrace
                        || byte == Reader.closeBrace || byte == Reader.hash { throw Declined() }
                    if byte != Reader.space { end = offset + 1 }
                    offset += 1
                }
                items.append(YAMLNode(kind: YAMLScalar.resolve(text(start, end)), location: itemLocation))
            }
            offset = skipSpaces(offset, line.end)
            guard offset < line.end else { throw Declined() }
            if bytes[offset] == Reader.closeBracket { return (YAMLNode(kind: .sequence(items), location: location), offset + 1) }
            guard bytes[offset] == Reader.comma else { throw Declined() }
            offset = skipSpaces(offset + 1, line.end)
            // A trailing comma (`[a, ]`) is left to the composer.
            if offset < line.end, bytes[offset] == Reader.closeBracket { throw Declined() }
        }
    }

    /// A single- or double-quoted scalar closed on this line: its value and the offset after the closing quote.
    func quoted(at position: Int, _ line: Line) throws -> (String, Int) {
        let quote = bytes[position]
        var value: [UInt8] = []
        var offset = position + 1
        var runStart = offset
        while offset < line.end {
            let byte = bytes[offset]
            if quote == Reader.single, byte == Reader.single {
                value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
                if offset + 1 < line.end, bytes[offset + 1] == Reader.single {
                    value.append(Reader.single)
                    offset += 2
                    runStart = offset
                    continue
                }
                return (String(decoding: value, as: UTF8.self), offset + 1)
            }
            if quote == Reader.double, byte == Reader.double {
                value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
                return (String(decoding: value, as: UTF8.self), offset + 1)
            }
            if quote == Reader.double, byte == Reader.backslash {
                value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
                guard offset + 1 < line.end else { throw Declined() }
                switch bytes[offset + 1] {
                case Reader.double: value.append(Reader.double)
                case Reader.backslash: value.append(Reader.backslash)
                case UInt8(ascii: "/"): value.append(UInt8(ascii: "/"))
                case UInt8(ascii: "n"): value.append(Reader.newline)
                case UInt8(ascii: "t"): value.append(0x09)
                default: throw Declined()
                }
                offset += 2
                runStart = offset
                continue
            }
            offset += 1
        }
        throw Declined()  // continues on the next line
    }

    /// Whether a plain scalar may start with `byte` (followed by `next`): not an indicator,
    /// and `-` only when not an entry (`-1`, `-x`).
    static func canStartPlain(_ byte: UInt8, _ next: UInt8?) -> Bool {
        switch byte {
        case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"),
             UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""),
             UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            return false
        case dash:
            guard let next else { return false }
            return next != space
        default:
            return true
        }
    }
}
