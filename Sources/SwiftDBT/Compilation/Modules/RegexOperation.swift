import Foundation
import Jinja

/// One call of a `re` function on a compiled pattern: Python's results (match objects, lists, tuples) from ICU's
/// matches, with positions counted in code points as Python counts them.
struct RegexOperation {
    let regex: PythonRegex
    let context: CallContext

    func apply(_ function: String, _ arguments: [String: Value]) throws -> Value {
        let text = try RegexModule.text(arguments["string"], "string")
        let whole = NSRange(location: 0, length: (text as NSString).length)
        switch function {
        case "match", "search":
            let options: NSRegularExpression.MatchingOptions = function == "match" ? [.anchored] : []
            return regex.expression.firstMatch(in: text, options: options, range: whole).map { .object(RegexMatch($0, text, regex)) } ?? .none
        case "fullmatch":
            let full = try NSRegularExpression(pattern: "(?:" + regex.expression.pattern + ")\\z", options: regex.expression.options)
            return full.firstMatch(in: text, options: [.anchored], range: whole).map { .object(RegexMatch($0, text, regex)) } ?? .none
        case "finditer":
            return .list(regex.expression.matches(in: text, range: whole).map { .object(RegexMatch($0, text, regex)) })
        case "findall":
            return .list(regex.expression.matches(in: text, range: whole).map { result in
                let match = RegexMatch(result, text, regex)
                switch regex.groupCount {
                case 0: return match.group(0)
                case 1: return match.group(1, default: .string(""))
                default: return .tuple((1...regex.groupCount).map { match.group($0, default: .string("")) })
                }
            })
        case "split":
            let limit = try count(arguments["maxsplit"], "maxsplit")
            var pieces: [Value] = []
            var start = 0
            let nsText = text as NSString
            for (index, result) in regex.expression.matches(in: text, range: whole).enumerated() where limit == 0 || index < limit {
                pieces.append(.string(nsText.substring(with: NSRange(location: start, length: result.range.location - start))))
                let match = RegexMatch(result, text, regex)
                if regex.groupCount > 0 { pieces += (1...regex.groupCount).map { match.group($0) } }
                start = result.range.location + result.range.length
            }
            pieces.append(.string(nsText.substring(from: start)))
            return .list(pieces)
        default:
            let limit = try count(arguments["count"], "count")
            let replacement = arguments["repl"] ?? .string("")
            let template = try replacement.stringValue.map(RegexOperation.parseReplacement)
            var out = ""
            var start = 0
            var made = 0
            let nsText = text as NSString
            for result in regex.expression.matches(in: text, range: whole) where limit == 0 || made < limit {
                out += nsText.substring(with: NSRange(location: start, length: result.range.location - start))
                let match = RegexMatch(result, text, regex)
                if let template {
                    out += try expand(template, match)
                } else {
                    out += try context.call(replacement, Arguments([.object(match)])).str
                }
                start = result.range.location + result.range.length
                made += 1
            }
            out += nsText.substring(from: start)
            return function == "subn" ? .tuple([.string(out), .int(made)]) : .string(out)
        }
    }

    private func count(_ value: Value?, _ name: String) throws -> Int {
        switch value {
        case nil: return 0
        case .int(let number)?: return max(0, number)
        default: throw TemplateError(.invalidArgument, "'\(value?.typeName ?? "")' object cannot be interpreted as an integer")
        }
    }

    /// A piece of a replacement template: text, or a group by number or name.
    enum Piece {
        case text(String)
        case group(Int)
        case named(String)
    }

    /// Python's replacement syntax: `\1`, `\g<1>`, `\g<name>` and the character escapes.
    static func parseReplacement(_ template: String) throws -> [Piece] {
        var pieces: [Piece] = []
        var text = ""
        let scalars = Array(template.unicodeScalars)
        var index = 0
        func flush() {
            if !text.isEmpty { pieces.append(.text(text)) }
            text = ""
        }
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            guard scalar == "\\", index < scalars.count else {
                text.unicodeScalars.append(scalar)
                continue
            }
            let next = scalars[index]
            index += 1
            switch next {
            case "g":
                guard index < scalars.count, scalars[index] == "<",
                      let close = scalars[index...].firstIndex(of: ">") else { throw PythonRegex.error("missing < in \\g reference") }
                let name = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
                index = close + 1
                flush()
                pieces.append(Int(name).map(Piece.group) ?? .named(name))
            case "1"..."9":
                var digits = String(next)
                if index < scalars.count, scalars[index].isASCII, scalars[index].properties.numericType == .decimal {
                    digits.unicodeScalars.append(scalars[index])
                    index += 1
                }
                flush()
                pieces.append(.group(Int(digits) ?? 0))
            case "0": text += "\u{0}"
            case "n": text += "\n"
            case "t": text += "\t"
            case "r": text += "\r"
            case "f": text += "\u{0C}"
            case "v": text += "\u{0B}"
            case "a": text += "\u{07}"
            case "b": text += "\u{08}"
            case "\\": text += "\\"
            default:
                guard !(next.isASCII && next.properties.isAlphabetic) else { throw PythonRegex.error("bad escape \\\(next)") }
                text += "\\" + String(next)
            }
        }
        flush()
        return pieces
    }

    private func expand(_ pieces: [Piece], _ match: RegexMatch) throws -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let text): out += text
            case .group(let index):
                guard index <= regex.groupCount else { throw PythonRegex.error("invalid group reference \(index)") }
                out += match.group(index, default: .string("")).str
            case .named(let name):
                guard let index = regex.groupIndex(name) else { throw TemplateError(.invalidArgument, "unknown group name '\(name)'") }
                out += match.group(index, default: .string("")).str
            }
        }
        return out
    }
}
