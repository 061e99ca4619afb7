import Foundation

/// Python's `textwrap.wrap(line, width, expand_tabs=False, replace_whitespace=False, ...)`, as
/// Jinja2's `wordwrap` calls it: split into word and whitespace chunks, then fill lines greedily.
/// Public for messages wrapped as Python's `textwrap.fill` wraps them (dbt's deprecation warnings).
public struct TextWrapper {
    let width: Int
    let breakLongWords: Bool
    let breakOnHyphens: Bool

    public init(width: Int, breakLongWords: Bool = true, breakOnHyphens: Bool = true) {
        self.width = width
        self.breakLongWords = breakLongWords
        self.breakOnHyphens = breakOnHyphens
    }

    /// `TextWrapper.wordsep_re`: whitespace runs, em-dashes, and words split after hyphens.
    private static let hyphenatedWords = try? NSRegularExpression(pattern: #"""
        ([\t\n\x0b\x0c\r ]+|(?<=[\w!"'&.,?])-{2,}(?=\w)|[^\t\n\x0b\x0c\r ]+?(?:-(?:(?<=[^\d\W]{2}-)|(?<=[^\d\W]-[^\d\W]-))(?=[^\d\W]-?[^\d\W])|(?=[\t\n\x0b\x0c\r ]|\z)|(?<=[\w!"'&.,?])(?=-{2,}\w)))
        """#)
    /// `TextWrapper.wordsep_simple_re`: whitespace runs and the words between them.
    private static let plainWords = try? NSRegularExpression(pattern: #"([\t\n\x0b\x0c\r ]+)"#)

    /// `text`'s lines, none longer than `width` unless a word is and `breakLongWords` is off; throws for a width below 1.
    public func wrap(_ text: String) throws -> [String] {
        guard width > 0 else { throw TemplateError(.invalidArgument, "invalid width \(width) (must be > 0)") }
        var chunks = Array(split(text).reversed())
        var lines: [String] = []
        while !chunks.isEmpty {
            var line: [Substring] = []
            var length = 0
            if !lines.isEmpty, let next = chunks.last, isBlank(next) { chunks.removeLast() }
            while let next = chunks.last, length + next.unicodeScalars.count <= width {
                line.append(next)
                length += next.unicodeScalars.count
                chunks.removeLast()
            }
            if let next = chunks.last, next.unicodeScalars.count > width {
                breakLongWord(&chunks, &line, length)
            }
            if let last = line.last, isBlank(last) { line.removeLast() }
            if !line.isEmpty { lines.append(line.joined()) }
        }
        return lines
    }

    /// Puts as much of the too-long chunk on top of `chunks` onto `line` as fits, after a hyphen if possible.
    private func breakLongWord(_ chunks: inout [Substring], _ line: inout [Substring], _ length: Int) {
        let spaceLeft = width - length
        guard breakLongWords, let chunk = chunks.last else {
            if line.isEmpty, let chunk = chunks.popLast() { line.append(chunk) }
            return
        }
        let scalars = Array(chunk.unicodeScalars)
        var end = spaceLeft
        if breakOnHyphens && scalars.count > spaceLeft,
           let hyphen = scalars[..<spaceLeft].lastIndex(of: "-"), hyphen > 0,
           scalars[..<hyphen].contains(where: { $0 != "-" }) {
            end = hyphen + 1
        }
        line.append(Substring(String(String.UnicodeScalarView(scalars[..<end]))))
        chunks[chunks.count - 1] = Substring(String(String.UnicodeScalarView(scalars[end...])))
    }

    private func isBlank(_ chunk: Substring) -> Bool {
        chunk.unicodeScalars.allSatisfy(PythonString.isWhitespace)
    }

    /// `re.split` with the word separator: the matches and the text between them, empty pieces dropped.
    private func split(_ text: String) -> [Substring] {
        guard let regex = breakOnHyphens ? TextWrapper.hyphenatedWords : TextWrapper.plainWords else { return [Substring(text)] }
        var chunks: [Substring] = []
        var position = text.startIndex
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text) else { continue }
            if position < range.lowerBound { chunks.append(text[position..<range.lowerBound]) }
            if !range.isEmpty { chunks.append(text[range]) }
            position = range.upperBound
        }
        if position < text.endIndex { chunks.append(text[position...]) }
        return chunks
    }
}
