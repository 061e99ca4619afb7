import Foundation

/// What a `given` entry's `input` names: `ref('m')` (package and version optional), `source('s', 't')`, or `this`.
enum UnitTestInput: Equatable {
    case ref(ProjectNode.Reference)
    case source(source: String, table: String)
    case this

    /// Reads `text` as dbt's static parser reads `{{ <input> }}`: one `ref` or `source` call of string literals.
    init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed == "this" {
            self = .this
            return
        }
        guard let open = trimmed.firstIndex(of: "("), trimmed.hasSuffix(")") else { return nil }
        let function = trimmed[..<open].trimmingCharacters(in: .whitespaces)
        let inside = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        var positional: [String] = []
        var version: String?
        for argument in UnitTestInput.arguments(inside) {
            let parts = argument.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, ["v", "version"].contains(parts[0]) {
                version = UnitTestInput.literal(parts[1]) ?? parts[1]
            } else if let literal = UnitTestInput.literal(argument.trimmingCharacters(in: .whitespaces)) {
                positional.append(literal)
            } else {
                return nil
            }
        }
        switch (function, positional.count) {
        case ("ref", 1), ("ref", 2):
            self = .ref(ProjectNode.Reference(package: positional.count == 2 ? positional[0] : nil, name: positional[positional.count - 1],
                                              version: version))
        case ("source", 2) where version == nil:
            self = .source(source: positional[0], table: positional[1])
        default:
            return nil
        }
    }

    /// The comma-separated arguments of a call, commas inside quotes kept.
    private static func arguments(_ text: String) -> [String] {
        var found: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "," {
                found.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { found.append(current) }
        return found
    }

    /// The text of a quoted string literal, or nil.
    private static func literal(_ text: String) -> String? {
        guard text.count >= 2, let first = text.first, first == "'" || first == "\"", text.last == first else { return nil }
        return String(text.dropFirst().dropLast())
    }
}
