import Foundation

/// Splitting on an ASCII separator without walking characters: for ASCII text, splitting its
/// bytes gives what `String.split` gives (no character can hold the separator); other text is
/// split as a `String`.
enum ASCIIText {
    /// Whether every byte of `text` is ASCII (then a byte is a character).
    static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// `text.trimmingCharacters(in: .whitespaces)`, with Foundation's scan only when an end of `text` is not an
    /// ASCII character other than space and tab (names and schemas almost never are).
    static func trimmingWhitespaces(_ text: String) -> String {
        func plain(_ byte: UInt8?) -> Bool { byte.map { $0 < 0x80 && $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") } ?? true }
        guard plain(text.utf8.first), plain(text.utf8.last) else { return text.trimmingCharacters(in: .whitespaces) }
        return text
    }

    /// `text.split(separator:maxSplits:)` (empty pieces omitted), as strings. Text without the separator
    /// is returned as it is, not copied.
    static func split(_ text: String, _ separator: Character, maxSplits: Int = .max) -> [String] {
        if let byte = separator.asciiValue, !text.utf8.contains(byte) {
            return text.isEmpty ? [] : [text]
        }
        if let byte = separator.asciiValue, maxSplits > 0,
           let pieces = text.utf8.withContiguousStorageIfAvailable({ split($0, byte, maxSplits: maxSplits) }), let pieces {
            return pieces
        }
        return text.split(separator: separator, maxSplits: maxSplits).map(String.init)
    }

    /// The pieces of ASCII bytes between separators, as `Collection.split` cuts them; nil for non-ASCII bytes.
    private static func split(_ bytes: UnsafeBufferPointer<UInt8>, _ separator: UInt8, maxSplits: Int) -> [String]? {
        var pieces: [String] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x80 { return nil }
            if byte == separator {
                if index > start {
                    pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    if pieces.count == maxSplits {
                        // The rest stays whole; it must still be ASCII.
                        start = index + 1
                        for rest in bytes[start...] where rest >= 0x80 { return nil }
                        break
                    }
                }
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count {
            pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
        }
        return pieces
    }

    /// Positions of `strings` in `String` order, equal strings by position (by bytes when all are ASCII, which is
    /// the same order, without `String`'s comparison per step).
    static func sortedIndices(_ strings: [String]) -> [Int] {
        guard strings.allSatisfy(isASCII) else {
            return strings.indices.sorted { strings[$0] < strings[$1] || (strings[$0] == strings[$1] && $0 < $1) }
        }
        var bytes: [UInt8] = []
        var offsets: [Int] = [0]
        offsets.reserveCapacity(strings.count + 1)
        for string in strings {
            bytes.append(contentsOf: string.utf8)
            offsets.append(bytes.count)
        }
        return bytes.withUnsafeBufferPointer { buffer -> [Int] in
            // No bytes at all: every string is empty, so position order is the order.
            guard let base = buffer.baseAddress else { return Array(strings.indices) }
            return strings.indices.sorted { a, b in
                let aLength = offsets[a + 1] - offsets[a], bLength = offsets[b + 1] - offsets[b]
                let common = min(aLength, bLength)
                if common > 0 {
                    let order = memcmp(base + offsets[a], base + offsets[b], common)
                    if order != 0 { return order < 0 }
                }
                return aLength != bLength ? aLength < bLength : a < b
            }
        }
    }
}
