/// A template's name and its source text, normalized as Jinja2 does: every line break
/// becomes `\n` and one final newline is dropped (dbt's `keep_trailing_newline=False`).
struct TemplateSource: Sendable {
    let name: String
    let text: String
    let bytes: [UInt8]
    private let lines: LineTable

    init(name: String, text raw: String) {
        self.name = name
        var bytes = raw.utf8.withContiguousStorageIfAvailable { Array($0) } ?? Array(raw.utf8)
        if bytes.contains(UInt8(ascii: "\r")) { bytes = TemplateSource.normalizingLineBreaks(bytes) }
        if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        self.bytes = bytes
        self.lines = LineTable(bytes)
        self.text = bytes.count == raw.utf8.count ? raw : String(decoding: bytes, as: UTF8.self)
    }

    /// `\r\n` and lone `\r` become `\n`, as Jinja2's lexer does.
    private static func normalizingLineBreaks(_ raw: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            if raw[i] == UInt8(ascii: "\r") {
                bytes.append(UInt8(ascii: "\n"))
                if i + 1 < raw.count, raw[i + 1] == UInt8(ascii: "\n") { i += 1 }
            } else {
                bytes.append(raw[i])
            }
            i += 1
        }
        return bytes
    }

    /// The line and column of a byte offset.
    func location(_ offset: Int) -> SourceLocation {
        lines.location(offset)
    }

    /// The text of 1-based line `number`, or nil when out of range.
    func line(_ number: Int) -> String? {
        var current = 1
        var start = 0
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if current == number { return String(decoding: bytes[start..<i], as: UTF8.self) }
            current += 1
            start = i + 1
        }
        return current == number ? String(decoding: bytes[start...], as: UTF8.self) : nil
    }
}
