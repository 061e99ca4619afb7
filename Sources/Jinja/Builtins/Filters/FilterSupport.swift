/// Argument checks shared by the built-in filters and tests.
extension Arguments {
    /// `bind`, failing as Python does when one of the first `required` parameters is not given.
    func bind(_ function: String, _ names: [String], required: Int, defaults: [String: Value] = [:]) throws -> [Value] {
        for (position, name) in names.prefix(required).enumerated() where position >= positional.count && named(name) == nil {
            throw TemplateError(.invalidOperation, "\(function)() missing required argument: '\(name)'")
        }
        return try bind(function, names, defaults: defaults)
    }
}

/// Python coercions of filter arguments.
extension Value {
    /// The value as a Python index: an `int` or a `bool`, as `str.center` or `range` require.
    func asIndex() throws -> Int {
        switch self {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .bigInt: throw TemplateError(.invalidArgument, "Python int too large to convert to C ssize_t")
        case .undefined(let message): throw Value.undefinedError(message)
        default: throw TemplateError(.invalidOperation, "'\(typeName)' object cannot be interpreted as an integer")
        }
    }

    /// The value as a number of characters to produce (a width, an indentation), within the
    /// output limit so that a template cannot exhaust memory with `center(10**12)`.
    func asWidth(_ context: CallContext) throws -> Int {
        let width = try asIndex()
        guard width <= context.environment.limits.maxOutputBytes else {
            throw TemplateError(.limitExceeded, "width \(width) exceeds the output limit")
        }
        return width
    }

    /// The value, with strings lower-cased: Jinja2's `ignore_case` for case-insensitive comparisons.
    var ignoringCase: Value {
        if case .string(let s) = self { return .string(s.lowercased()) }
        return self
    }

    /// Whether Python can hash the value (use it as a dict key or set member): all but lists,
    /// dicts and tuples holding them (a group from `groupby` holds its list). Undefined values,
    /// functions and other objects hash by identity.
    var isHashable: Bool {
        switch self {
        case .list, .dict, .object(is GroupTuple): return false
        case .tuple(let items): return items.allSatisfy(\.isHashable)
        default: return true
        }
    }

    /// Python's `len(value)`.
    func pythonLength(_ context: CallContext) throws -> Int {
        switch self {
        case .string(let s): return s.unicodeScalars.count
        case .list(let l): return l.items.count
        case .tuple(let t): return t.count
        case .dict(let d): return d.count
        case .undefined: return 0
        case .object(is Generator): break
        case .object(let o): if let items = try o.iterate() { return items.count }
        default: break
        }
        throw TemplateError(.invalidOperation, "object of type '\(typeName)' has no len()")
    }
}

/// Jinja2's `make_attrgetter`: reads a dotted path such as `"address.city"` or `"rows.0"` from
/// each item with template subscript rules (item first, then attribute); digit parts are indices.
struct AttributePath {
    private let parts: [Value]

    /// `attribute` is a dotted string, an integer index, or None for the item itself.
    init(_ attribute: Value) {
        switch attribute {
        case .none: parts = []
        case .string(let path):
            parts = path.split(separator: ".", omittingEmptySubsequences: false).map { part in
                if !part.isEmpty, part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let index = Int(part) {
                    return .int(index)
                }
                return .string(String(part))
            }
        default: parts = [attribute]
        }
    }

    /// Jinja2's `make_multi_attrgetter` paths: `"age,name"` gives one path per comma-separated part.
    static func list(_ attribute: Value) -> [AttributePath] {
        guard case .string(let text) = attribute else { return [AttributePath(attribute)] }
        return text.split(separator: ",", omittingEmptySubsequences: false).map { AttributePath(.string(String($0))) }
    }

    /// The value at the path; an undefined step becomes `fallback` when one is given.
    func read(_ item: Value, _ context: CallContext, fallback: Value = .none) throws -> Value {
        var current = item
        for part in parts {
            current = try context.item(current, part)
            if current.isUndefined && !fallback.isNone { current = fallback }
        }
        return current
    }
}

/// The positions of `keys` in Python's `sorted(..., reverse=...)` order: stable, ordering with
/// Python `<`, failing like Python on keys it cannot order.
func pythonSortOrder(_ keys: [Value], reverse: Bool) throws -> [Int] {
    var order = Array(keys.indices)
    try order.sort { a, b in
        let comparison = try Value.compare(keys[a], keys[b])
        if comparison != 0 { return reverse ? comparison > 0 : comparison < 0 }
        return a < b
    }
    return order
}
