/// Reads a Python model (`models/**/*.py`) as dbt parses one: exactly one `def model(dbt, session)`, and the
/// `dbt.ref(...)`, `dbt.source(...)` and `dbt.config(...)` calls anywhere in the file, whose arguments must be
/// Python literals. Nothing is rendered: Jinja in the file is an error, as in dbt.
struct PythonModelReader {
    /// What the file declares.
    struct Declared {
        var refs: [ProjectNode.Reference] = []
        var sources: [ProjectNode.SourceReference] = []
        var config: [(key: String, value: ConfigValue)] = []
    }

    private let tokens: [PythonTokenizer.Token]
    private let path: String
    private var index = 0
    /// How deep `literal()` is, bounded (a chain of signs, `- - - 1`, nests without brackets).
    private var depth = 0

    /// The refs, sources and config of the Python model `code` of the file shown as `path`.
    static func read(_ code: String, path: String) throws -> Declared {
        if let jinja = ["{{", "{%", "{#"].compactMap({ code.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
            let before = code[..<jinja.lowerBound]
            let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
            throw DBTError(.project, "No jinja in python model code is allowed", at: FileLocation(path: path, line: line, column: column))
        }
        let tokens: [PythonTokenizer.Token]
        do {
            tokens = try PythonTokenizer.tokens(of: code)
        } catch {
            throw DBTError(.project, error.message, at: FileLocation(path: path, line: error.line, column: error.column))
        }
        var reader = PythonModelReader(tokens: tokens, path: path)
        return try reader.declared()
    }

    private init(tokens: [PythonTokenizer.Token], path: String) {
        self.tokens = tokens
        self.path = path
    }

    private mutating func declared() throws -> Declared {
        var declared = Declared()
        var models: [PythonTokenizer.Token] = []
        while index < tokens.count {
            if isName("def"), index + 1 < tokens.count, tokens[index + 1].kind == .name("model") {
                models.append(tokens[index])
                try checkParameters(from: index + 2)
            }
            if isName("dbt"), index == 0 || tokens[index - 1].kind != .op("."), let call = dbtCall() {
                try apply(call, to: &declared)
            } else {
                index += 1
            }
        }
        guard models.count == 1 else {
            throw DBTError(.project, "dbt allows exactly one model defined per python file, found \(models.count)",
                           at: location(models.dropFirst().first ?? tokens.first))
        }
        return declared
    }

    /// `model`'s parameters from its `(`: two, the first named `dbt`.
    private func checkParameters(from start: Int) throws {
        guard start < tokens.count, tokens[start].kind == .op("(") else { return }
        var parameters: [String] = []
        var depth = 0
        var expectingName = true
        for token in tokens[start...] {
            switch token.kind {
            case .op("("), .op("["), .op("{"): depth += 1
            case .op(")"), .op("]"), .op("}"): depth -= 1
            case .op(","): if depth == 1 { expectingName = true }
            case .name(let name) where depth == 1 && expectingName:
                parameters.append(name)
                expectingName = false
            default: break
            }
            if depth == 0 { break }
        }
        var problems: [String] = []
        if let first = parameters.first, first != "dbt" { problems.append("'dbt' not provided for model as the first argument") }
        if parameters.count != 2 { problems.append("model function should have two args, `dbt` and a session to current warehouse") }
        guard problems.isEmpty else {
            throw DBTError(.project, problems.joined(separator: "\n"), at: location(tokens[start]))
        }
    }

    /// A call of `dbt.ref`, `dbt.source`, `dbt.config` or `dbt.config.get` at `index` (the `dbt` name), its
    /// literal arguments read and `index` past its `)`; nil (and `index` unchanged) for anything else.
    private func dbtCall() -> (function: String, at: PythonTokenizer.Token, open: Int)? {
        var names: [String] = []
        var cursor = index + 1
        while cursor + 1 < tokens.count, tokens[cursor].kind == .op("."), case .name(let name) = tokens[cursor + 1].kind {
            names.append(name)
            cursor += 2
        }
        let function = names.joined(separator: ".")
        guard ["ref", "source", "config", "config.get"].contains(function), cursor < tokens.count,
              tokens[cursor].kind == .op("(") else { return nil }
        return (function, tokens[index], cursor)
    }

    private mutating func apply(_ call: (function: String, at: PythonTokenizer.Token, open: Int), to declared: inout Declared) throws {
        index = call.open + 1
        var arguments: [ConfigValue] = []
        var keywords: [(key: String, value: ConfigValue)] = []
        while index < tokens.count, tokens[index].kind != .op(")") {
            if case .name(let key) = tokens[index].kind, index + 1 < tokens.count, tokens[index + 1].kind == .op("=") {
                index += 2
                keywords.append((key, try literal()))
            } else {
                arguments.append(try literal())
            }
            guard index < tokens.count, tokens[index].kind == .op(",") || tokens[index].kind == .op(")") else {
                throw notLiteral(at: index < tokens.count ? tokens[index] : call.at)
            }
            if tokens[index].kind == .op(",") { index += 1 }
        }
        index += 1
        let at = location(call.at)
        switch call.function {
        case "ref":
            let names = arguments.compactMap(\.stringValue)
            let version = keywords.first { $0.key == "v" || $0.key == "version" }?.value
            guard (1...2).contains(arguments.count), names.count == arguments.count else {
                throw DBTError(.project, "dbt.ref() takes one or two string arguments (the package, the model)", at: at)
            }
            declared.refs.append(ProjectNode.Reference(package: names.count == 2 ? names[0] : nil, name: names[names.count - 1],
                                                       version: version.map(Self.versionText), location: at))
        case "source":
            guard arguments.count == 2, let source = arguments[0].stringValue, let table = arguments[1].stringValue else {
                throw DBTError(.project, "dbt.source() takes two string arguments (the source, the table)", at: at)
            }
            declared.sources.append(ProjectNode.SourceReference(source: source, table: table, location: at))
        case "config":
            for argument in arguments {
                guard case .dict(let pairs) = argument else {
                    throw DBTError(.project, "dbt.config() takes keyword arguments or a dict", at: at)
                }
                declared.config += pairs
            }
            declared.config += keywords
        default:
            guard !arguments.isEmpty else { throw DBTError(.project, "dbt.config.get() requires at least one argument", at: at) }
            guard arguments.count <= 2 else {
                throw DBTError(.project, "dbt.config.get() takes at most 2 arguments (\(arguments.count) given)", at: at)
            }
        }
    }

    private static func versionText(_ value: ConfigValue) -> String {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        default: return ""
        }
    }

    /// A Python literal at `index`: strings (adjacent ones joined), numbers (signed), `True`, `False`, `None`,
    /// lists, tuples, sets (as lists) and dicts with string keys; `index` moves past it.
    private mutating func literal() throws -> ConfigValue {
        guard index < tokens.count, depth < 200 else { throw notLiteral(at: index < tokens.count ? tokens[index] : tokens.last) }
        depth += 1
        defer { depth -= 1 }
        let token = tokens[index]
        index += 1
        switch token.kind {
        case .string(let text?):
            var joined = text
            while index < tokens.count, case .string(let more?) = tokens[index].kind {
                joined += more
                index += 1
            }
            return .string(joined)
        case .number(let value?): return value
        case .op("-"), .op("+"):
            let sign: Double = token.kind == .op("-") ? -1 : 1
            switch try literal() {
            case .int(let number): return .int(sign < 0 ? -number : number)
            case .double(let number): return .double(sign * number)
            default: throw notLiteral(at: token)
            }
        case .name("True"): return .bool(true)
        case .name("False"): return .bool(false)
        case .name("None"): return .null
        case .op("["): return .list(try items(until: "]"))
        case .op("("): return .list(try items(until: ")"))
        case .op("{"):
            var pairs: [(key: String, value: ConfigValue)] = []
            var items: [ConfigValue] = []
            while index < tokens.count, tokens[index].kind != .op("}") {
                let keyToken = tokens[index]
                let key = try literal()
                if index < tokens.count, tokens[index].kind == .op(":") {
                    index += 1
                    guard let name = key.stringValue else { throw notLiteral(at: keyToken) }
                    pairs.append((name, try literal()))
                } else {
                    items.append(key)
                }
                try skipComma(before: "}")
            }
            index += 1
            guard pairs.isEmpty || items.isEmpty else { throw notLiteral(at: token) }
            return items.isEmpty ? .dict(pairs) : .list(items)
        default: throw notLiteral(at: token)
        }
    }

    private mutating func items(until closing: Character) throws -> [ConfigValue] {
        var items: [ConfigValue] = []
        while index < tokens.count, tokens[index].kind != .op(closing) {
            items.append(try literal())
            try skipComma(before: closing)
        }
        index += 1
        return items
    }

    private mutating func skipComma(before closing: Character) throws {
        guard index < tokens.count else { throw notLiteral(at: tokens.last) }
        if tokens[index].kind == .op(",") {
            index += 1
        } else if tokens[index].kind != .op(closing) {
            throw notLiteral(at: tokens[index])
        }
    }

    private func notLiteral(at token: PythonTokenizer.Token?) -> DBTError {
        let at = location(token)
        return DBTError(.project, "Error when trying to literal_eval an arg to dbt.ref(), dbt.source(), dbt.config() or dbt.config.get(): "
                        + "malformed node or string on line \(at.line)", at: at,
                        notes: ["In dbt python model, `dbt.ref`, `dbt.source`, `dbt.config`, `dbt.config.get` function args only "
                                + "support Python literal structures"])
    }

    private func isName(_ name: String) -> Bool { tokens[index].kind == .name(name) }

    private func location(_ token: PythonTokenizer.Token?) -> FileLocation {
        FileLocation(path: path, line: token?.line ?? 1, column: token?.column ?? 1)
    }
}
