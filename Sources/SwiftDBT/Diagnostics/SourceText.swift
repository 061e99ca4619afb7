/// Line lookups in file text, for printing the offending line under an error.
enum SourceText {
    /// The 1-based line `number` of `text`, or nil.
    static func line(_ number: Int, of text: String) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number { return String(line.hasSuffix("\r") ? line.dropLast() : line) }
            current += 1
        }
        return nil
    }
}

extension DBTError {
    /// The error with its offending line taken from `text`, when it points into that file and has none yet.
    func quotingLine(of text: String, path: String) -> DBTError {
        guard sourceLine == nil, let location, location.path == path else { return self }
        var quoted = self
        quoted.sourceLine = SourceText.line(location.line, of: text)
        return quoted
    }
}
