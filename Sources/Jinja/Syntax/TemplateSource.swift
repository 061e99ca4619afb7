/// A template's name and its source text, normalized as Jinja2 does: every line break
/// becomes `\n` and one final newline is dropped (dbt's `keep_trailing_newline=False`).
struct TemplateSource: Sendable {
    let name: String
    let text: String
    let bytes: [UInt8]

    init(name: String, text raw: String) {
        self.name = name
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count)
        var iterator = raw.utf8.makeIterator()
        var pending = iterator.next()
        while let byte = pending {
            pending = iterator.next()
            if byte == UInt8(ascii: "\r") {
                bytes.append(UInt8(ascii: "\n"))
                if pending == UInt8(ascii: "\n") { pending = iterator.next() }
            } else {
                bytes.append(byte)
            }
        }
        if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        self.bytes = bytes
        self.text = String(decoding: bytes, as: UTF8.self)
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
