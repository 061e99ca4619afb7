/// `str.format`: replacement fields `{field!conversion:spec}` where a field is an argument
/// (`{}`, `{0}`, `{name}`) followed by `.attribute` and `[key]` lookups; `{{` and `}}` escape.
///
/// Known difference: lookups follow Jinja2's rules (`.key` falls back to a dict item, as in
/// Jinja2's sandbox, which dbt uses), where plain Python would only read a Python attribute.
extension PythonFormat {
    static func format(_ template: String, _ arguments: Arguments, _ context: CallContext) throws -> String {
        var numbering = FieldNumbering()
        return try expand(template, arguments, context, depth: 2, &numbering)
    }

    /// Formats `template`; `depth` bounds nesting of fields inside specs (`{:{width}}`), as CPython's.
    private static func expand(_ template: String, _ arguments: Arguments, _ context: CallContext,
                               depth: Int, _ numbering: inout FieldNumbering) throws -> String {
        guard depth > 0 else { throw TemplateError(.invalidArgument, "Max string recursion exceeded") }
        let s = Array(template.unicodeScalars)
        var out = ""
        var i = 0
        while i < s.count {
            let c = s[i]
            i += 1
            guard c == "{" || c == "}" else {
                out.unicodeScalars.append(c)
                continue
            }
            if i < s.count && s[i] == c {
                out.unicodeScalars.append(c)
                i += 1
                continue
            }
            guard c == "{", i < s.count else {
                throw TemplateError(.invalidArgument, "Single '\(c)' encountered in format string")
            }
            let field = try ReplacementField(s, &i)
            var value = try lookup(field.name, arguments, context, &numbering)
            switch field.conversion {
            case nil: break
            case "s"?: value = .string(value.str)
            case "r"?: value = .string(value.repr)
            case "a"?: value = .string(ascii(value.repr))
            case let other?: throw TemplateError(.invalidArgument, "Unknown conversion specifier \(other)")
            }
            var spec = field.spec
            if spec.contains("{") { spec = try expand(spec, arguments, context, depth: depth - 1, &numbering) }
            out += try FormatSpec.format(value, spec)
        }
        return out
    }

    /// The value a field name denotes: an argument, then its `.attribute` and `[key]` lookups.
    private static func lookup(_ name: [Unicode.Scalar], _ arguments: Arguments, _ context: CallContext,
                               _ numbering: inout FieldNumbering) throws -> Value {
        var i = 0
        func part(until stops: String) -> String {
            let start = i
            while i < name.count && !stops.unicodeScalars.contains(name[i]) { i += 1 }
            return String(String.UnicodeScalarView(name[start..<i]))
        }
        let first = part(until: ".[")
        var value: Value
        if first.isEmpty || isIndex(first) {
            let index = try first.isEmpty ? numbering.automatic() : numbering.manual(first)
            guard index < arguments.positional.count else {
                throw TemplateError(.invalidArgument, "Replacement index \(index) out of range for positional args tuple")
            }
            value = arguments.positional[index]
        } else {
            guard let named = arguments.named(first) else { throw TemplateError(.invalidArgument, "KeyError: '\(first)'") }
            value = named
        }
        while i < name.count {
            let separator = name[i]
            i += 1
            let key = part(until: separator == "." ? ".[" : "]")
            guard !key.isEmpty else { throw TemplateError(.invalidArgument, "Empty attribute in format string") }
            switch separator {
            case ".":
                value = try context.attribute(value, key)
            case "[":
                guard i < name.count else { throw TemplateError(.invalidArgument, "Missing ']' in format string") }
                i += 1
                if i < name.count && name[i] != "." && name[i] != "[" {
                    throw TemplateError(.invalidArgument, "Only '.' or '[' may follow ']' in format field specifier")
                }
                value = try context.item(value, isIndex(key) ? .int(Int(key) ?? 0) : .string(key))
            default:
                throw TemplateError(.invalidArgument, "Only '.' or '[' may follow ']' in format field specifier")
            }
            if case .undefined(let message) = value { throw Value.undefinedError(message) }
        }
        return value
    }

    /// Whether a field name part is a decimal index (`0`, `12`) rather than a name.
    private static func isIndex(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}

/// One `{name!conversion:spec}` field of a `str.format` template, parsed as CPython does.
private struct ReplacementField {
    let name: [Unicode.Scalar]
    var conversion: Unicode.Scalar?
    var spec = ""

    /// Parses the field starting at `i`, just after its `{`, and moves `i` past its `}`.
    init(_ s: [Unicode.Scalar], _ i: inout Int) throws {
        let nameStart = i
        var c: Unicode.Scalar = "}"
        scan: while i < s.count {
            c = s[i]
            i += 1
            switch c {
            case "{": throw TemplateError(.invalidArgument, "unexpected '{' in field name")
            case "[": while i < s.count && s[i] != "]" { i += 1 }
            case "}", ":", "!": break scan
            default: break
            }
        }
        name = Array(s[nameStart..<max(nameStart, i - 1)])
        guard c == "!" || c == ":" else {
            guard c == "}" else {
                throw TemplateError(.invalidArgument, "expected '}' before end of string")
            }
            return
        }
        if c == "!" {
            guard i < s.count else {
                throw TemplateError(.invalidArgument, "end of string while looking for conversion specifier")
            }
            conversion = s[i]
            i += 1
            if i < s.count {
                let next = s[i]
                i += 1
                if next == "}" { return }
                guard next == ":" else { throw TemplateError(.invalidArgument, "expected ':' after conversion specifier") }
            }
        }
        let specStart = i
        var depth = 1
        while i < s.count {
            let next = s[i]
            i += 1
            if next == "{" { depth += 1 }
            if next == "}" {
                depth -= 1
                if depth == 0 {
                    spec = String(String.UnicodeScalarView(s[specStart..<(i - 1)]))
                    return
                }
            }
        }
        throw TemplateError(.invalidArgument, "unmatched '{' in format spec")
    }
}

/// Python's rule that a template numbers its fields either automatically (`{}`) or by hand (`{0}`).
private struct FieldNumbering {
    private var next = 0
    private var isAutomatic: Bool?

    mutating func automatic() throws -> Int {
        guard isAutomatic != false else {
            throw TemplateError(.invalidArgument,
                "cannot switch from manual field specification to automatic field numbering")
        }
        isAutomatic = true
        next += 1
        return next - 1
    }

    mutating func manual(_ digits: String) throws -> Int {
        guard isAutomatic != true else {
            throw TemplateError(.invalidArgument,
                "cannot switch from automatic field numbering to manual field specification")
        }
        isAutomatic = false
        guard let index = Int(digits) else {
            throw TemplateError(.invalidArgument, "Too many decimal digits in format string")
        }
        return index
    }
}
