import Foundation
import Jinja

/// `modules.re` and compiled patterns (`re.compile(...)`): Python's `re` functions and flags over `PythonRegex`.
final class RegexModule: HostObject, @unchecked Sendable {
    /// The compiled pattern, for a `Pattern` object; nil for the module.
    let compiled: PythonRegex?

    init(compiled: PythonRegex? = nil) { self.compiled = compiled }

    var typeName: String { compiled == nil ? "module" : "Pattern" }
    var display: String { compiled.map { "re.compile(\(Value.string($0.pattern).repr))" } ?? "<module 're'>" }

    private static let flagValues: [String: Int] = [
        "I": PythonRegex.Flag.ignoreCase, "IGNORECASE": PythonRegex.Flag.ignoreCase, "L": PythonRegex.Flag.locale,
        "LOCALE": PythonRegex.Flag.locale, "M": PythonRegex.Flag.multiline, "MULTILINE": PythonRegex.Flag.multiline,
        "S": PythonRegex.Flag.dotAll, "DOTALL": PythonRegex.Flag.dotAll, "U": PythonRegex.Flag.unicode,
        "UNICODE": PythonRegex.Flag.unicode, "X": PythonRegex.Flag.verbose, "VERBOSE": PythonRegex.Flag.verbose,
        "A": PythonRegex.Flag.ascii, "ASCII": PythonRegex.Flag.ascii, "NOFLAG": 0,
    ]

    /// Each function's parameters after the pattern, as Python names them.
    private static let parameters: [String: [String]] = [
        "match": ["string", "flags"], "search": ["string", "flags"], "fullmatch": ["string", "flags"],
        "findall": ["string", "flags"], "finditer": ["string", "flags"], "split": ["string", "maxsplit", "flags"],
        "sub": ["repl", "string", "count", "flags"], "subn": ["repl", "string", "count", "flags"],
    ]

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        if let compiled {
            switch name {
            case "pattern": return .string(compiled.pattern)
            case "flags": return .int(compiled.flags)
            case "groups": return .int(compiled.groupCount)
            case "groupindex": return .dict(compiled.groupNames.map { ($0.name, Value.int($0.index)) })
            default: break
            }
        } else if let flag = RegexModule.flagValues[name] {
            return .object(RegexFlag(value: flag))
        }
        switch name {
        case "compile" where compiled == nil:
            return .function(name) { arguments, _ in
                let pattern = try RegexModule.text(arguments.value(0, "pattern"), "pattern")
                return .object(RegexModule(compiled: try PythonRegex.compiled(pattern, flags: try RegexModule.flags(arguments.value(1, "flags")))))
            }
        case "escape" where compiled == nil:
            return .function(name) { arguments, _ in .string(RegexModule.escape(try RegexModule.text(arguments.value(0, "pattern"), "pattern"))) }
        case "purge" where compiled == nil:
            return .function(name) { _, _ in .none }
        default:
            guard let names = RegexModule.parameters[name] else { return nil }
            return .function(name) { [self] arguments, context in
                let (regex, bound) = try bind(name, names, arguments)
                return try RegexOperation(regex: regex, context: context).apply(name, bound)
            }
        }
    }

    /// The compiled pattern and the arguments by name, for a module function (pattern first) or a method.
    private func bind(_ function: String, _ names: [String], _ arguments: Arguments) throws -> (PythonRegex, [String: Value]) {
        let all = compiled == nil ? ["pattern"] + names : names
        let values = try arguments.bind(function, all)
        var bound: [String: Value] = [:]
        for (key, value) in zip(all, values) {
            if case .undefined = value { continue }
            bound[key] = value
        }
        if let compiled {
            guard bound["flags"] == nil else { throw TemplateError(.invalidArgument, "\(function)() got an unexpected keyword argument 'flags'") }
            return (compiled, bound)
        }
        let pattern = try RegexModule.text(bound["pattern"], "pattern")
        return (try PythonRegex.compiled(pattern, flags: try RegexModule.flags(bound["flags"])), bound)
    }

    static func text(_ value: Value?, _ name: String) throws -> String {
        guard case .string(let text)? = value else {
            throw TemplateError(.invalidArgument, "expected string or bytes-like object, got '\(value?.typeName ?? "NoneType")'")
        }
        return text
    }

    static func flags(_ value: Value?) throws -> Int {
        switch value {
        case nil, .none?: return 0
        case .int(let flags)?: return flags
        case .object(let flag as RegexFlag)?: return flag.value
        default: throw TemplateError(.invalidArgument, "flags must be an integer, not '\(value?.typeName ?? "")'")
        }
    }

    /// Python's `re.escape`: a backslash before every character that has a meaning in a pattern.
    static func escape(_ text: String) -> String {
        let special = Set("()[]{}?*+-|^$\\.&~# \t\n\r\u{0B}\u{0C}".unicodeScalars)
        var out = ""
        for scalar in text.unicodeScalars {
            if special.contains(scalar) { out += "\\" }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
