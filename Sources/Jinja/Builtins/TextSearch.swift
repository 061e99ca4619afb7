/// Substring search with Python's semantics: code points compared exactly, indices counted in code points.
///
/// Swift's `String` compares by canonical equivalence (`"é" == "e\u{301}"`), Python by code point.
/// Searching the UTF-8 bytes gives Python's answers without decoding: a valid UTF-8 needle can
/// only match at code point boundaries. Ranges here are UTF-8 byte offsets.
enum TextSearch {
    /// The part `text[start:end]` that `find`, `count` and `startswith` look at.
    struct Window {
        /// The UTF-8 byte range.
        let bytes: Range<Int>
        /// The code point index where it starts.
        let start: Int
    }

    /// `text[start:end]` with Python's index adjustment (negative counts from the end, out of
    /// range clamps); nil when `start` lies past `end`, where nothing, not even "", can match.
    static func window(_ text: String, _ start: Int?, _ end: Int?) -> Window? {
        if start == nil && end == nil { return Window(bytes: 0..<text.utf8.count, start: 0) }
        let length = text.unicodeScalars.count
        let stop = end.map { $0 < 0 ? max(0, $0 + length) : min($0, length) } ?? length
        let first = start.map { $0 < 0 ? max(0, $0 + length) : $0 } ?? 0
        guard first <= stop else { return nil }
        return Window(bytes: byteOffset(text, first)..<byteOffset(text, stop), start: first)
    }

    /// Non-overlapping occurrences of the non-empty `needle` within `bytes`, scanning forward
    /// (backward when `fromEnd`), at most `limit` of them when it is not negative; in scan order.
    static func occurrences(of needle: String, in text: String, within bytes: Range<Int>? = nil,
                            limit: Int = -1, fromEnd: Bool = false) -> [Range<Int>] {
        var haystack = text
        var pattern = needle
        return haystack.withUTF8 { hay in
            pattern.withUTF8 { pat in
                let range = bytes ?? 0..<hay.count
                var found: [Range<Int>] = []
                guard let first = pat.first, pat.count <= range.count else { return found }
                func matches(at i: Int) -> Bool {
                    guard hay[i] == first else { return false }
                    var k = 1
                    while k < pat.count && hay[i + k] == pat[k] { k += 1 }
                    return k == pat.count
                }
                if fromEnd {
                    var i = range.upperBound - pat.count
                    while i >= range.lowerBound && found.count != limit {
                        if matches(at: i) { found.append(i..<i + pat.count); i -= pat.count } else { i -= 1 }
                    }
                } else {
                    var i = range.lowerBound
                    while i <= range.upperBound - pat.count && found.count != limit {
                        if matches(at: i) { found.append(i..<i + pat.count); i += pat.count } else { i += 1 }
                    }
                }
                return found
            }
        }
    }

    /// Whether the bytes in `range` start (or, `atEnd`, end) with `affix`.
    static func hasAffix(_ text: String, _ affix: String, within range: Range<Int>, atEnd: Bool) -> Bool {
        let length = affix.utf8.count
        guard length <= range.count else { return false }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: atEnd ? range.upperBound - length : range.lowerBound)
        return utf8[start..<utf8.index(start, offsetBy: length)].elementsEqual(affix.utf8)
    }

    /// The text between the given byte ranges (sorted, non-overlapping): `split`'s pieces.
    static func pieces(_ text: String, around ranges: [Range<Int>]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(ranges.count + 1)
        var start = 0
        for range in ranges {
            result.append(slice(text, start..<range.lowerBound))
            start = range.upperBound
        }
        result.append(slice(text, start..<text.utf8.count))
        return result
    }

    /// The text in a byte range that starts and ends on code point boundaries.
    static func slice(_ text: String, _ bytes: Range<Int>) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)
        let end = utf8.index(start, offsetBy: bytes.count)
        return String(text.unicodeScalars[start..<end])
    }

    /// How many code points lie in a byte range.
    static func scalarCount(_ text: String, _ bytes: Range<Int>) -> Int {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)
        return utf8[start..<utf8.index(start, offsetBy: bytes.count)].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// The byte offset at which code point `index` starts (the byte count past the end).
    static func byteOffset(_ text: String, _ index: Int) -> Int {
        let scalars = text.unicodeScalars
        let position = scalars.index(scalars.startIndex, offsetBy: index, limitedBy: scalars.endIndex) ?? scalars.endIndex
        return text.utf8.distance(from: text.utf8.startIndex, to: position)
    }
}
