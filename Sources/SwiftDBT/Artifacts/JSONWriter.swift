import Foundation

/// Writes `ConfigValue`s as JSON, keys in their given order (Python's `json.dumps` layout).
///
/// JSON is produced as UTF-8 bytes: text with nothing to escape is copied in one run, and large
/// documents (the manifest) go to disk without becoming one `String`.
public enum JSONWriter {
    /// Compact JSON with Python's separators (`, ` and `: `) unless `pretty`, which indents by 2.
    public static func string(_ value: ConfigValue, pretty: Bool = false, sortKeys: Bool = false) -> String {
        var out: [UInt8] = []
        write(value, into: &out, indent: pretty ? 0 : nil, sortKeys: sortKeys)
        return String(decoding: out, as: UTF8.self)
    }

    static func write(_ value: ConfigValue, into out: inout String, indent: Int?, sortKeys: Bool) {
        var bytes: [UInt8] = []
        write(value, into: &bytes, indent: indent, sortKeys: sortKeys)
        out += String(decoding: bytes, as: UTF8.self)
    }

    static func write(_ value: ConfigValue, into out: inout [UInt8], indent: Int?, sortKeys: Bool) {
        switch value {
        case .null: append("null", to: &out)
        case .bool(let b): append(b ? "true" : "false", to: &out)
        case .int(let i): append(String(i), to: &out)
        case .double(let d):
            append(d.isFinite ? (d.rounded() == d && abs(d) < 1e16 ? String(format: "%.1f", d) : "\(d)") : "null", to: &out)
        case .string(let s): writeString(s, into: &out)
        case .list(let items):
            out.append(UInt8(ascii: "["))
            guard !items.isEmpty else {
                out.append(UInt8(ascii: "]"))
                return
            }
            let inner = indent.map { $0 + 2 }
            for (i, item) in items.enumerated() {
                separator(first: i == 0, indent: indent, inner: inner, into: &out)
                write(item, into: &out, indent: inner, sortKeys: sortKeys)
            }
            closing(UInt8(ascii: "]"), indent: indent, into: &out)
        case .dict(let pairs):
            out.append(UInt8(ascii: "{"))
            guard !pairs.isEmpty else {
                out.append(UInt8(ascii: "}"))
                return
            }
            let inner = indent.map { $0 + 2 }
            let ordered = sortKeys ? pairs.sorted { $0.key < $1.key } : pairs
            for (i, pair) in ordered.enumerated() {
                separator(first: i == 0, indent: indent, inner: inner, into: &out)
                writeString(pair.key, into: &out)
                out.append(UInt8(ascii: ":"))
                out.append(UInt8(ascii: " "))
                write(pair.value, into: &out, indent: inner, sortKeys: sortKeys)
            }
            closing(UInt8(ascii: "}"), indent: indent, into: &out)
        }
    }

    private static func separator(first: Bool, indent: Int?, inner: Int?, into out: inout [UInt8]) {
        if !first {
            out.append(UInt8(ascii: ","))
            if indent == nil { out.append(UInt8(ascii: " ")) }
        }
        if let inner {
            out.append(UInt8(ascii: "\n"))
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: inner))
        }
    }

    private static func closing(_ byte: UInt8, indent: Int?, into out: inout [UInt8]) {
        if let indent {
            out.append(UInt8(ascii: "\n"))
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
        }
        out.append(byte)
    }

    @inline(__always)
    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    /// A JSON string literal; non-ASCII stays as UTF-8. Text with nothing to escape is copied whole.
    static func writeString(_ s: String, into out: inout String) {
        var bytes: [UInt8] = []
        writeString(s, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
    /// Bytes a JSON string cannot hold as they are: `"`, `\` and control characters.
    private static let needsEscape: [Bool] = (0..<256).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }

    /// A JSON string literal as bytes: runs of plain bytes are copied at once, `"`, `\` and
    /// control characters escaped (`\n`, `\r`, `\t`, else `\u00xx`).
    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        if s.utf8.withContiguousStorageIfAvailable({ escape($0, into: &out) }) == nil {
            var copy = s
            copy.withUTF8 { escape($0, into: &out) }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func escape(_ utf8: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        guard let base = utf8.baseAddress else { return }
        let count = utf8.count
        needsEscape.withUnsafeBufferPointer { table in
            var runStart = 0
            var index = 0
            while true {
                while index < count, !table[Int(base[index])] { index += 1 }
                if runStart < index { out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart)) }
                guard index < count else { return }
                let byte = base[index]
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "\n"): out.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): out.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): out.append(UInt8(ascii: "t"))
                default:
                    out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                            hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
                }
                index += 1
                runStart = index
            }
        }
    }
}
