import Foundation

/// Writes `ConfigValue`s as JSON, keys in their given order (Python's `json.dumps` layout).
public enum JSONWriter {
    /// Compact JSON with Python's separators (`, ` and `: `) unless `pretty`, which indents by 2.
    public static func string(_ value: ConfigValue, pretty: Bool = false, sortKeys: Bool = false) -> String {
        var out = ""
        write(value, into: &out, indent: pretty ? 0 : nil, sortKeys: sortKeys)
        return out
    }

    static func write(_ value: ConfigValue, into out: inout String, indent: Int?, sortKeys: Bool) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? (d.rounded() == d && abs(d) < 1e16 ? String(format: "%.1f", d) : "\(d)") : "null"
        case .string(let s): writeString(s, into: &out)
        case .list(let items):
            writeContainer(items.map { ("", $0) }, open: "[", close: "]", keyed: false, into: &out, indent: indent, sortKeys: sortKeys)
        case .dict(let pairs):
            let ordered = sortKeys ? pairs.sorted { $0.key < $1.key } : pairs
            writeContainer(ordered.map { ($0.key, $0.value) }, open: "{", close: "}", keyed: true, into: &out, indent: indent, sortKeys: sortKeys)
        }
    }

    private static func writeContainer(_ items: [(String, ConfigValue)], open: String, close: String, keyed: Bool,
                                       into out: inout String, indent: Int?, sortKeys: Bool) {
        out += open
        guard !items.isEmpty else {
            out += close
            return
        }
        let inner = indent.map { $0 + 2 }
        for (i, (key, value)) in items.enumerated() {
            if i > 0 { out += indent == nil ? ", " : "," }
            if let inner { out += "\n" + String(repeating: " ", count: inner) }
            if keyed {
                writeString(key, into: &out)
                out += ": "
            }
            write(value, into: &out, indent: inner, sortKeys: sortKeys)
        }
        if let indent { out += "\n" + String(repeating: " ", count: indent) }
        out += close
    }

    /// A JSON string literal; non-ASCII stays as UTF-8. Text with nothing to escape is copied whole.
    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        let needsEscaping = s.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        guard needsEscaping else {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
