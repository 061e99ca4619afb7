import Foundation

/// Splits SQL text into its statements at the semicolons outside literals, quoted identifiers and comments:
/// Spark runs one statement per call. Statements holding nothing but blanks and comments are dropped.
enum SparkStatements {
    static func split(_ sql: String) -> [String] {
        let text = Array(sql)
        var statements: [String] = []
        var start = 0
        var meaningful = false
        var index = 0
        func next(_ offset: Int) -> Character? { index + offset < text.count ? text[index + offset] : nil }
        while index < text.count {
            let character = text[index]
            if character == "-" && next(1) == "-" {
                while index < text.count && text[index] != "\n" { index += 1 }
                continue
            }
            if character == "/" && next(1) == "*" {
                index += 2
                while index < text.count && !(text[index] == "*" && next(1) == "/") { index += 1 }
                index += 2
                continue
            }
            if character == "'" || character == "\"" || character == "`" {
                meaningful = true
                index += 1
                while index < text.count && text[index] != character {
                    if text[index] == "\\" && character != "`" { index += 1 }
                    index += 1
                }
                index += 1
                continue
            }
            if character == ";" {
                if meaningful { statements.append(String(text[start..<index]).trimmingCharacters(in: .whitespacesAndNewlines)) }
                start = index + 1
                meaningful = false
            } else if !character.isWhitespace {
                meaningful = true
            }
            index += 1
        }
        if meaningful { statements.append(String(text[start..<min(index, text.count)]).trimmingCharacters(in: .whitespacesAndNewlines)) }
        return statements
    }
}
