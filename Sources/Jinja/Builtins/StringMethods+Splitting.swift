/// `str` methods that take strings apart: `strip`, `split`, `rsplit`, `splitlines`, `partition`.
extension StringMethod {
    func stripped(_ text: String, _ characters: String?) -> String {
        let strips: (Unicode.Scalar) -> Bool = characters.map { set in { set.unicodeScalars.contains($0) } }
            ?? PythonUnicode.isSpace
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        if self != .rstrip {
            while start < end && strips(scalars[start]) { start = scalars.index(after: start) }
        }
        if self != .lstrip {
            while start < end {
                let last = scalars.index(before: end)
                guard strips(scalars[last]) else { break }
                end = last
            }
        }
        return start == scalars.startIndex && end == scalars.endIndex ? text : String(scalars[start..<end])
    }

    static func separator(_ text: String) throws -> String {
        guard !text.isEmpty else { throw TemplateError(.invalidArgument, "empty separator") }
        return text
    }

    /// `split`/`rsplit`: at most `limit` splits (all when negative), from the end when `fromEnd`;
    /// without a separator, runs of whitespace separate and the ends are trimmed.
    static func split(_ text: String, _ separator: String?, limit: Int, fromEnd: Bool) throws -> [String] {
        if let separator {
            let ranges = TextSearch.occurrences(of: try Self.separator(separator), in: text, limit: limit, fromEnd: fromEnd)
            return TextSearch.pieces(text, around: fromEnd ? ranges.reversed() : ranges)
        }
        // Whitespace splitting reads `text` backward for `rsplit`, then restores the order.
        var scalars = Array(text.unicodeScalars)
        if fromEnd { scalars.reverse() }
        func piece(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            if fromEnd { view.append(contentsOf: scalars[range].reversed()) } else { view.append(contentsOf: scalars[range]) }
            return String(view)
        }
        var pieces: [String] = []
        var i = 0
        while true {
            while i < scalars.count && PythonUnicode.isSpace(scalars[i]) { i += 1 }
            if i == scalars.count { break }
            if pieces.count == limit {
                pieces.append(piece(i..<scalars.count))
                break
            }
            var end = i
            while end < scalars.count && !PythonUnicode.isSpace(scalars[end]) { end += 1 }
            pieces.append(piece(i..<end))
            i = end
        }
        return fromEnd ? pieces.reversed() : pieces
    }

    /// `splitlines`: breaks after `\n`, `\r`, `\r\n`, `\v`, `\f`, `\x1c`-`\x1e`, `\x85`, U+2028 and U+2029.
    static func lines(_ text: String, keepEnds: Bool) -> [String] {
        let scalars = text.unicodeScalars
        var lines: [String] = []
        var start = scalars.startIndex
        var i = start
        while i < scalars.endIndex {
            var next = scalars.index(after: i)
            if PythonUnicode.isLineBreak(scalars[i]) {
                if scalars[i] == "\r" && next < scalars.endIndex && scalars[next] == "\n" { next = scalars.index(after: next) }
                lines.append(String(scalars[start..<(keepEnds ? next : i)]))
                start = next
            }
            i = next
        }
        if start < scalars.endIndex { lines.append(String(scalars[start...])) }
        return lines
    }

    func partitioned(_ text: String, _ separator: String) -> Value {
        let fromEnd = self == .rpartition
        guard let match = TextSearch.occurrences(of: separator, in: text, limit: 1, fromEnd: fromEnd).first else {
            return .tuple((fromEnd ? ["", "", text] : [text, "", ""]).map(Value.string))
        }
        return .tuple([TextSearch.slice(text, 0..<match.lowerBound), separator,
                       TextSearch.slice(text, match.upperBound..<text.utf8.count)].map(Value.string))
    }
}
