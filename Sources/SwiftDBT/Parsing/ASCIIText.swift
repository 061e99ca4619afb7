/// Splitting on an ASCII separator without walking characters: for ASCII text, splitting its
/// bytes gives what `String.split` gives (no character can hold the separator); other text is
/// split as a `String`.
enum ASCIIText {
    /// `text.split(separator:maxSplits:)` (empty pieces omitted), as strings.
    static func split(_ text: String, _ separator: Character, maxSplits: Int = .max) -> [String] {
        guard let byte = separator.asciiValue, text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.split(separator: separator, maxSplits: maxSplits).map(String.init)
        }
        return text.utf8.split(separator: byte, maxSplits: maxSplits).map { String(Substring($0)) }
    }
}
