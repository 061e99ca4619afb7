/// HTML and URL filters. Autoescaping is off (as in dbt), so there is no markup-safe string
/// type: `safe` only converts to a string and `escape` always escapes.
extension BuiltinFilters {
    static let markup: [String: Environment.Filter] = [
        "escape": unary("escape") { .string(escapeHTML($0.str)) },
        "e": unary("e") { .string(escapeHTML($0.str)) },
        "forceescape": unary("forceescape") { .string(escapeHTML($0.str)) },
        "safe": unary("safe") { .string($0.str) },
        "striptags": unary("striptags") { .string(HTMLEntities.decode(PythonString.words(removeTags($0.str)).joined(separator: " "))) },
        "urlencode": urlencode,
        "xmlattr": xmlattr,
    ]

    /// markupsafe's `escape`: `& < > " '` as entities.
    static func escapeHTML(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&#34;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Removes `<!-- comments -->`, then `<tags>`, as markupsafe's `striptags` does.
    private static func removeTags(_ s: String) -> String {
        var bytes = Array(s.utf8)
        for (open, close) in [(Array("<!--".utf8), Array("-->".utf8)), ([UInt8(ascii: "<")], [UInt8(ascii: ">")])] {
            var out: [UInt8] = []
            var rest = bytes[...]
            while let start = rest.firstRange(of: open), let end = rest[start.lowerBound...].firstRange(of: close) {
                out += rest[..<start.lowerBound]
                rest = rest[end.upperBound...]
            }
            bytes = out + rest
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `urlencode`: a string (or scalar) is percent-quoted keeping `/`; a dict or a sequence of
    /// pairs becomes a query string.
    private static func urlencode(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
        _ = try arguments.bind("urlencode", [])
        let pairs: [Value]
        switch value {
        case .string, .none, .bool, .int, .bigInt, .float, .callable: return .string(percentEncode(value.str, forQuery: false))
        case .dict(let storage): pairs = storage.entries.map { .tuple([$0.0, $0.1]) }
        default: pairs = try context.iterate(value)
        }
        var parts: [String] = []
        for pair in pairs {
            let items = try context.iterate(pair)
            guard items.count == 2 else {
                throw TemplateError(.invalidArgument, "urlencode expects (key, value) pairs, got \(items.count) values")
            }
            parts.append(percentEncode(items[0].str, forQuery: true) + "=" + percentEncode(items[1].str, forQuery: true))
        }
        return .string(parts.joined(separator: "&"))
    }

    /// `urllib.parse.quote` of the UTF-8 bytes; in a query `/` is quoted too and spaces become `+`.
    private static func percentEncode(_ s: String, forQuery: Bool) -> String {
        var out = ""
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "/") where !forQuery:
                out += "/"
            case UInt8(ascii: " ") where forQuery:
                out += "+"
            default:
                out.append("%")
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0xF)])
            }
        }
        return out
    }

    private static let hexDigits: [Character] = Array("0123456789ABCDEF")

    /// `xmlattr`: ` key="value"` pairs, skipping None and undefined values.
    private static func xmlattr(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
        let autospace = try arguments.bind("xmlattr", ["autospace"], defaults: ["autospace": .bool(true)])[0]
        guard case .dict(let storage) = value else {
            if case .undefined(let message) = value { throw Value.undefinedError(message) }
            throw TemplateError(.invalidOperation, "'\(value.typeName)' object has no attribute 'items'")
        }
        var items: [String] = []
        for (key, item) in storage.entries {
            if item.isNone || item.isUndefined { continue }
            guard case .string(let name) = key else {
                throw TemplateError(.invalidOperation, "expected string or bytes-like object, got '\(key.typeName)'")
            }
            if name.unicodeScalars.contains(where: { " \t\n\r\u{0B}\u{0C}/>=".unicodeScalars.contains($0) }) {
                throw TemplateError(.invalidArgument, "Invalid character in attribute name: \(key.repr)")
            }
            items.append(escapeHTML(name) + "=\"" + escapeHTML(item.str) + "\"")
        }
        let text = items.joined(separator: " ")
        return .string(autospace.isTruthy && !text.isEmpty ? " " + text : text)
    }
}
