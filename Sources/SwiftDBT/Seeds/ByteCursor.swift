/// A read position in a field's bytes, for the small parsers of seed values.
struct ByteCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var index = 0
    private(set) var end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        end = bytes.count
    }

    var isAtEnd: Bool { index == end }
    var remaining: Int { end - index }
    var first: UInt8? { index < end ? bytes[index] : nil }
    var last: UInt8? { index < end ? bytes[end - 1] : nil }

    /// ASCII whitespace, as Python's `str.strip()` sees it (other Unicode spaces are not stripped here).
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte) || (0x1C...0x1F).contains(byte)
    }

    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    /// Drops whitespace from both ends.
    mutating func trimWhitespace() {
        while index < end, Self.isWhitespace(bytes[index]) { index += 1 }
        while end > index, Self.isWhitespace(bytes[end - 1]) { end -= 1 }
    }

    /// Drops every repetition of `byte` from both ends, as Python's `str.strip(char)` does.
    mutating func trim(_ byte: UInt8) {
        while index < end, bytes[index] == byte { index += 1 }
        while end > index, bytes[end - 1] == byte { end -= 1 }
    }

    /// Drops every repetition of `sequence` from both ends.
    mutating func trim(_ sequence: [UInt8]) {
        while hasPrefix(sequence) { index += sequence.count }
        while hasSuffix(sequence) { end -= sequence.count }
    }

    private func hasPrefix(_ sequence: [UInt8]) -> Bool {
        remaining >= sequence.count && (0..<sequence.count).allSatisfy { bytes[index + $0] == sequence[$0] }
    }

    private func hasSuffix(_ sequence: [UInt8]) -> Bool {
        remaining >= sequence.count && (0..<sequence.count).allSatisfy { bytes[end - sequence.count + $0] == sequence[$0] }
    }

    /// Consumes `byte` when it comes next.
    mutating func skip(_ byte: UInt8) -> Bool {
        guard first == byte else { return false }
        index += 1
        return true
    }

    /// Consumes `word` (lowercase ASCII letters) when it comes next, in any case.
    mutating func skip(caseInsensitive word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard remaining >= count else { return false }
        for offset in 0..<count where bytes[index + offset] | 0x20 != word.utf8Start[offset] {
            return false
        }
        index += count
        return true
    }

    /// Consumes between `minimum` and `maximum` decimal digits, as many as there are; nil (consuming nothing) when fewer than `minimum`.
    mutating func digits(minimum: Int, maximum: Int) -> (value: Int, count: Int)? {
        var value = 0
        var count = 0
        while count < maximum, index + count < end, Self.isDigit(bytes[index + count]) {
            value = value * 10 + Int(bytes[index + count] - 0x30)
            count += 1
        }
        guard count >= minimum else { return nil }
        index += count
        return (value, count)
    }
}
