import Foundation
import Jinja

/// A Python `re.Match`: `group()`, `groups()`, `groupdict()`, `start()`, `end()`, `span()`, `string`, `re`.
final class RegexMatch: HostObject, @unchecked Sendable {
    let result: NSTextCheckingResult
    let text: String
    let regex: PythonRegex

    init(_ result: NSTextCheckingResult, _ text: String, _ regex: PythonRegex) {
        self.result = result
        self.text = text
        self.regex = regex
    }

    var typeName: String { "re.Match" }
    var display: String {
        "<re.Match object; span=(\(span(0).0), \(span(0).1)), match=\(group(0).repr)>"
    }

    /// Group `index`'s text, or `default` when it did not take part in the match.
    func group(_ index: Int, default fallback: Value = .none) -> Value {
        guard index < result.numberOfRanges, result.range(at: index).location != NSNotFound else { return fallback }
        return .string((text as NSString).substring(with: result.range(at: index)))
    }

    /// A group's start and end in code points (-1, -1 when it did not take part).
    func span(_ index: Int) -> (Int, Int) {
        guard index < result.numberOfRanges else { return (-1, -1) }
        let range = result.range(at: index)
        guard range.location != NSNotFound else { return (-1, -1) }
        let prefix = (text as NSString).substring(to: range.location)
        let start = prefix.unicodeScalars.count
        return (start, start + (text as NSString).substring(with: range).unicodeScalars.count)
    }

    /// A group named by number or name.
    private func index(_ value: Value) throws -> Int {
        switch value {
        case .int(let index) where index >= 0 && index <= regex.groupCount: return index
        case .string(let name):
            guard let index = regex.groupIndex(name) else { throw TemplateError(.invalidArgument, "IndexError: no such group") }
            return index
        default: throw TemplateError(.invalidArgument, "IndexError: no such group")
        }
    }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        switch name {
        case "string": return .string(text)
        case "re": return .object(RegexModule(compiled: regex))
        case "lastindex":
            let last = (1...max(1, regex.groupCount)).last { $0 <= regex.groupCount && group($0).stringValue != nil }
            return last.map(Value.int) ?? .none
        case "group":
            return .function(name) { [self] arguments, _ in
                let wanted = arguments.positional.isEmpty ? [Value.int(0)] : arguments.positional
                let values = try wanted.map { group(try index($0)) }
                return values.count == 1 ? values[0] : .tuple(values)
            }
        case "groups":
            return .function(name) { [self] arguments, _ in
                let fallback = arguments.value(0, "default") ?? .none
                return .tuple(regex.groupCount == 0 ? [] : (1...regex.groupCount).map { group($0, default: fallback) })
            }
        case "groupdict":
            return .function(name) { [self] arguments, _ in
                let fallback = arguments.value(0, "default") ?? .none
                return .dict(regex.groupNames.map { ($0.name, group($0.index, default: fallback)) })
            }
        case "start", "end", "span":
            return .function(name) { [self] arguments, _ in
                let (start, end) = span(try index(arguments.positional.first ?? .int(0)))
                switch name {
                case "start": return .int(start)
                case "end": return .int(end)
                default: return .tuple([.int(start), .int(end)])
                }
            }
        default: return nil
        }
    }

    func item(_ key: Value, _ context: CallContext) throws -> Value? { group(try index(key)) }
}
