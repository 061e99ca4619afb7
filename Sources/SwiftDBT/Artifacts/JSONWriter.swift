import Foundation

/// Writes `ConfigValue`s as JSON, keys in their given order (Python's `json.dumps` layout).
///
/// JSON is produced as UTF-8 bytes: text with nothing to escape is copied in one run, and large
/// documents (the manifest) go to disk without becoming one `String`.
public enum JSONWriter {
    /// Compact JSON with Python's separators (`, ` and `: `) unless `pretty`, which indents by 2.
    public static func string(_ value: ConfigValue, pretty: Bool = false, sortKeys: Bool = false) -> String {
        var out = ByteBuffer()
        write(value, into: &out, indent: pretty ? 0 : nil, sortKeys: sortKeys)
        return out.string
    }

    static func write(_ value: ConfigValue, into out: inout ByteBuffer, indent: Int?, sortKeys: Bool) {
        switch value {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .int(let i): out.append(text: String(i))
        case .double(let d):
            out.append(text: d.isFinite ? (d.rounded() == d && abs(d) < 1e16 ? String(format: "%.1f", d) : "\(d)") : "null")
        case .string(let s): writeString(s, into: &out)
        case .list(let items):
            out.append(UInt8(ascii: "["))
            guard !items.isEmpty else {
                out.append(UInt8(ascii: "]"))
                return
            }
            let inner = indent.map { $0 + 2 }
            for index in items.indices {
                separator(first: index == 0, indent: indent, inner: inner, into: &out)
                write(items[index], into: &out, indent: inner, sortKeys: sortKeys)
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
            for index in ordered.indices {
                separator(first: index == 0, indent: indent, inner: inner, into: &out)
                writeString(ordered[index].key, into: &out)
                out.append(": ")
                write(ordered[index].value, into: &out, indent: inner, sortKeys: sortKeys)
            }
            closing(UInt8(ascii: "}"), indent: indent, into: &out)
        }
    }

    private static func separator(first: Bool, indent: Int?, inner: Int?, into out: inout ByteBuffer) {
        if !first {
            out.append(UInt8(ascii: ","))
            if indent == nil { out.append(UInt8(ascii: " ")) }
        }
        if let inner {
            out.append(UInt8(ascii: "\n"))
            for _ in 0..<inner { out.append(UInt8(ascii: " ")) }
        }
    }

    private static func closing(_ byte: UInt8, indent: Int?, into out: inout ByteBuffer) {
        if let indent {
            out.append(UInt8(ascii: "\n"))
            for _ in 0..<indent { out.append(UInt8(ascii: " ")) }
        }
        out.append(byte)
    }

    /// A JSON string literal as bytes: runs of plain bytes are copied at once, `"`, `\` and
    /// control characters escaped (`\n`, `\r`, `\t`, else `\u00xx`); other text stays UTF-8.
    static func writeString(_ s: String, into out: inout ByteBuffer) {
        out.append(UInt8(ascii: "\""))
        if s.utf8.withContiguousStorageIfAvailable({ escape($0, into: &out) }) == nil {
            var copy = s
            copy.withUTF8 { escape($0, into: &out) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether any of eight bytes is below 0x20, `"` or `\` (exact: no byte is missed, none is flagged wrongly
    /// for the decision to look at the bytes one by one).
    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let control = (word &- ones &* 0x20) & ~word & highs
        return (control | hasZero(word ^ (ones &* 0x22)) | hasZero(word ^ (ones &* 0x5C))) != 0
    }

    private static func escape(_ utf8: UnsafeBufferPointer<UInt8>, into out: inout ByteBuffer) {
        guard let base = utf8.baseAddress else { return }
        let count = utf8.count
        var runStart = 0
        var index = 0
        let raw = UnsafeRawPointer(base)
        while true {
            // Eight bytes at a time while none of them needs escaping.
            while index + 8 <= count, !needsEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { index += 8 }
            while index < count {
                let byte = base[index]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { break }
                index += 1
            }
            if runStart < index { out.append(UnsafeBufferPointer(start: base + runStart, count: index - runStart)) }
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
                let hex: StaticString = "0123456789abcdef"
                out.append("u00")
                hex.withUTF8Buffer { digits in
                    out.append(digits[Int(byte >> 4)])
                    out.append(digits[Int(byte & 0xF)])
                }
            }
            index += 1
            runStart = index
        }
    }
}
