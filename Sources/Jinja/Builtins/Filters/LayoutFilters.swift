/// Filters that lay text out in lines: `indent`, `truncate`, `wordwrap`.
extension BuiltinFilters {
    static let layout: [String: Environment.Filter] = [
        "indent": indent,
        "truncate": truncate,
        "wordwrap": wordwrap,
    ]

    /// The text of a filter's subject where Jinja2 applies `str` methods to it directly
    /// (so a number fails, and an undefined value fails when used).
    static func text(_ value: Value, _ filter: String) throws -> String {
        switch value {
        case .string(let s): return s
        case .undefined(let message): throw Value.undefinedError(message)
        default: throw TemplateError(.invalidOperation, "\(filter) expects a string, not '\(value.typeName)'")
        }
    }

    private static func indent(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
        let bound = try arguments.bind("indent", ["width", "first", "blank"],
                                       defaults: ["width": .int(4), "first": .bool(false), "blank": .bool(false)])
        let indentation: String
        if case .string(let s) = bound[0] {
            indentation = s
        } else {
            guard case .int = Value.Number(bound[0]) else {
                throw TemplateError(.invalidOperation, "can't multiply sequence by non-int of type '\(bound[0].typeName)'")
            }
            indentation = String(repeating: " ", count: max(0, try bound[0].asWidth(context)))
        }
        let lines = PythonString.splitLines(try text(value, "indent") + "\n")
        var out: String
        if bound[2].isTruthy {
            out = lines.joined(separator: "\n" + indentation)
        } else {
            out = lines.first ?? ""
            for line in lines.dropFirst() { out += line.isEmpty ? "\n" : "\n" + indentation + line }
        }
        return .string(bound[1].isTruthy ? indentation + out : out)
    }

    private static func truncate(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
        let bound = try arguments.bind("truncate", ["length", "killwords", "end", "leeway"], defaults: [
            "length": .int(255), "killwords": .bool(false), "end": .string("..."), "leeway": .none,
        ])
        let length = try bound[0].asIndex()
        guard case .string(let end) = bound[2] else {
            throw TemplateError(.invalidOperation, "truncate() end must be a string, not '\(bound[2].typeName)'")
        }
        let leeway = bound[3].isNone ? 5 : try bound[3].asIndex()
        let endLength = end.unicodeScalars.count
        guard length >= endLength else { throw TemplateError(.invalidArgument, "expected length >= \(endLength), got \(length)") }
        guard leeway >= 0 else { throw TemplateError(.invalidArgument, "expected leeway >= 0, got \(leeway)") }
        guard try value.pythonLength(context) > length + leeway else { return value }
        let scalars = try text(value, "truncate").unicodeScalars
        var kept = scalars.prefix(length - endLength)
        if !bound[1].isTruthy, let space = kept.lastIndex(of: " ") { kept = kept[..<space] }
        return .string(String(kept) + end)
    }

    private static func wordwrap(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
        let bound = try arguments.bind("wordwrap", ["width", "break_long_words", "wrapstring", "break_on_hyphens"], defaults: [
            "width": .int(79), "break_long_words": .bool(true), "wrapstring": .none, "break_on_hyphens": .bool(true),
        ])
        let wrapper = TextWrapper(width: try bound[0].asIndex(), breakLongWords: bound[1].isTruthy,
                                  breakOnHyphens: bound[3].isTruthy)
        let separator: String
        switch bound[2] {
        case .none: separator = "\n"
        case .string(let s): separator = s
        default: throw TemplateError(.invalidOperation, "wrapstring must be a string, not '\(bound[2].typeName)'")
        }
        let lines = try PythonString.splitLines(try text(value, "wordwrap")).map { try wrapper.wrap($0).joined(separator: separator) }
        return .string(lines.joined(separator: separator))
    }
}
