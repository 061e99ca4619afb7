/// Reading JSON into template values, keeping object key order (Python's `json.loads`).
extension Value {
    /// Parses JSON text; objects become dicts in source order, integers stay integers.
    public static func parseJSON(_ text: String) throws -> Value {
        var parser = JSONReader(bytes: Array(text.utf8))
        parser.skipWhitespace()
        let value = try parser.readValue(depth: 0)
        parser.skipWhitespace()
        guard parser.position == parser.bytes.count else { throw parser.error("extra data") }
        return value
    }
}

private struct JSONReader {
    let bytes: [UInt8]
    var position = 0
    static let maxDepth = 512

    init(bytes: [UInt8]) { self.bytes = bytes }

    func error(_ message: String) -> TemplateError {
        TemplateError(.invalidArgument, "invalid JSON: \(message) at offset \(position)")
    }

    mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    mutating func readValue(depth: Int) throws -> Value {
        guard depth < JSONReader.maxDepth, !ValueNesting.exceeded(depth) else { throw error("nesting too deep") }
        guard position < bytes.count else { throw error("unexpected end") }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            let storage = DictStorage()
            skipWhitespace()
            if consume(UInt8(ascii: "}")) { return .dict(storage) }
            repeat {
                skipWhitespace()
                let key = try readString()
                skipWhitespace()
                guard consume(UInt8(ascii: ":")) else { throw error("expected ':'") }
                skipWhitespace()
                storage[.string(key)] = try readValue(depth: depth + 1)
                skipWhitespace()
            } while consume(UInt8(ascii: ","))
            guard consume(UInt8(ascii: "}")) else { throw error("expected '}'") }
            return .dict(storage)
        case UInt8(ascii: "["):
            position += 1
            var items: [Value] = []
            skipWhitespace()
            if consume(UInt8(ascii: "]")) { return .list(ListStorage(items)) }
            repeat {
                skipWhitespace()
                items.append(try readValue(depth: depth + 1))
                skipWhitespace()
            } while consume(UInt8(ascii: ","))
            guard consume(UInt8(ascii: "]")) else { throw error("expected ']'") }
            return .list(ListStorage(items))
        case UInt8(ascii: "\""):
            return .string(try readString())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .none)
        default:
            return try readNumber()
        }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func literal(_ word: String, _ value: Value) throws -> Value {
        let expected = Array(word.utf8)
        guard position + expected.count <= bytes.count, Array(bytes[position..<position + expected.count]) == expected else {
            throw error("unexpected token")
        }
        position += expected.count
        return value
    }

    private mutating func readNumber() throws -> Value {
        let start = position
        var isFloat = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte.isDigit || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
                position += 1
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                isFloat = true
                position += 1
            } else {
                break
            }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if !isFloat {
            if let value = Int(text) { return .int(value) }
            if let value = BigInteger(text) { return .bigInt(value) }
        } else if let value = Double(text) {
            return .float(value)
        }
        throw error("invalid number '\(text)'")
    }

    private mutating func readString() throws -> String {
        guard consume(UInt8(ascii: "\"")) else { throw error("expected a string") }
        var out: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { throw error("unterminated escape") }
                let escaped = bytes[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    var code = try readHex4()
                    if (0xD800..<0xDC00).contains(code), position + 6 <= bytes.count,
                       bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                        position += 2
                        let low = try readHex4()
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: out.append(escaped)
                }
            default:
                out.append(byte)
            }
        }
        throw error("unterminated string")
    }

    private mutating func readHex4() throws -> UInt32 {
        guard position + 4 <= bytes.count,
              let code = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else {
            throw error("invalid \\u escape")
        }
        position += 4
        return code
    }
}
