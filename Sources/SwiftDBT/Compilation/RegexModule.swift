import Foundation
import Jinja

/// `modules.re`: `match`, `search`, `fullmatch`, `sub`, `findall`, `split`, `escape`, `compile`.
final class RegexModule: HostObject {
    let pattern: String?

    init(pattern: String? = nil) { self.pattern = pattern }

    var typeName: String { pattern == nil ? "module" : "Pattern" }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        switch name {
        case "compile":
            return .function(name) { arguments, _ in .object(RegexModule(pattern: arguments.positional.first?.str ?? "")) }
        case "escape":
            return .function(name) { arguments, _ in
                .string(NSRegularExpression.escapedPattern(for: arguments.positional.first?.str ?? ""))
            }
        case "match", "search", "fullmatch", "findall", "sub", "split":
            return .function(name) { [self] arguments, _ in try apply(name, arguments) }
        default:
            return nil
        }
    }

    private func apply(_ operation: String, _ arguments: Arguments) throws -> Value {
        var values = arguments.positional.map(\.str)
        let source = pattern ?? (values.isEmpty ? "" : values.removeFirst())
        let expression: NSRegularExpression
        do {
            expression = try NSRegularExpression(pattern: source)
        } catch {
            throw TemplateError(.invalidArgument, "invalid regular expression '\(source)'")
        }
        switch operation {
        case "sub":
            guard values.count >= 2 else { throw TemplateError(.invalidArgument, "re.sub() needs a replacement and a string") }
            let text = values[1]
            let template = values[0].replacingOccurrences(of: "\\g<", with: "$").replacingOccurrences(of: ">", with: "")
            return .string(expression.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text),
                                                               withTemplate: template.replacingOccurrences(of: "\\", with: "$")))
        case "findall":
            let text = values.first ?? ""
            return .list(expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
                let group = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
                return .string(Range(group, in: text).map { String(text[$0]) } ?? "")
            })
        case "split":
            let text = values.first ?? ""
            var pieces: [Value] = []
            var start = text.startIndex
            for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(match.range, in: text) else { continue }
                pieces.append(.string(String(text[start..<range.lowerBound])))
                start = range.upperBound
            }
            pieces.append(.string(String(text[start...])))
            return .list(pieces)
        default:
            let text = values.first ?? ""
            let whole = NSRange(text.startIndex..., in: text)
            let options: NSRegularExpression.MatchingOptions = operation == "search" ? [] : [.anchored]
            guard let match = expression.firstMatch(in: text, options: options, range: whole),
                  operation != "fullmatch" || match.range == whole else { return .none }
            return .object(RegexMatch(match: match, text: text))
        }
    }
}

/// A match object: `group(n)`, `groups()`, `start()`, `end()`.
final class RegexMatch: HostObject {
    let match: NSTextCheckingResult
    let text: String

    init(match: NSTextCheckingResult, text: String) {
        self.match = match
        self.text = text
    }

    var typeName: String { "Match" }

    private func group(_ index: Int) -> Value {
        guard index < match.numberOfRanges, let range = Range(match.range(at: index), in: text) else { return .none }
        return .string(String(text[range]))
    }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        switch name {
        case "group":
            return .function(name) { [self] arguments, _ in
                if case .int(let index)? = arguments.positional.first { return group(index) }
                return group(0)
            }
        case "groups":
            return .function(name) { [self] _, _ in .tuple((1..<max(1, match.numberOfRanges)).map(group)) }
        case "start": return .function(name) { [self] _, _ in .int(match.range.location) }
        case "end": return .function(name) { [self] _, _ in .int(match.range.location + match.range.length) }
        default: return nil
        }
    }
}
