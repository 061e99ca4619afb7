/// The arguments of one call of a built-in method, bound to the method's Python parameters.
///
/// Most `str` and `list` methods are positional-only in Python, so keyword arguments are
/// refused unless the signature allows them. A parameter that was not given reads as nil.
struct MethodArguments {
    let method: String
    private let values: [Value?]

    /// Binds `arguments` to parameters `names`, of which the first `required` must be given.
    init(_ method: String, _ arguments: Arguments, _ names: [String],
         required: Int = 0, keywords: Bool = false) throws {
        self.method = method
        let given = arguments.positional.count + arguments.keyword.count
        if names.isEmpty && given > 0 {
            throw TemplateError(.invalidOperation, "\(method)() takes no arguments (\(given) given)")
        }
        if !keywords && !arguments.keyword.isEmpty {
            throw TemplateError(.invalidOperation, "\(method)() takes no keyword arguments")
        }
        guard arguments.positional.count <= names.count else {
            throw TemplateError(.invalidOperation,
                "\(method)() takes at most \(names.count) argument(s) (\(arguments.positional.count) given)")
        }
        var values: [Value?] = arguments.positional
        values += [Value?](repeating: nil, count: names.count - values.count)
        for (name, value) in arguments.keyword {
            guard let position = names.firstIndex(of: name) else {
                throw TemplateError(.invalidOperation, "\(method)() got an unexpected keyword argument '\(name)'")
            }
            guard values[position] == nil else {
                throw TemplateError(.invalidOperation, "\(method)() got multiple values for argument '\(name)'")
            }
            values[position] = value
        }
        if let missing = values.prefix(required).firstIndex(where: { $0 == nil }) {
            throw TemplateError(.invalidOperation,
                "\(method)() missing required argument '\(names[missing])' (pos \(missing + 1))")
        }
        self.values = values
    }

    /// The argument for parameter `position`, or nil when not given.
    subscript(_ position: Int) -> Value? { values[position] }

    /// A required argument (binding guarantees it was given).
    func value(_ position: Int) -> Value { values[position] ?? .none }

    /// A required `str` argument.
    func string(_ position: Int) throws -> String { try optionalString(position) ?? "" }

    /// A required integer argument.
    func integer(_ position: Int) throws -> Int { try optionalInteger(position) ?? 0 }

    /// A `str` argument; nil when not given, or when None and `orNone` (Python's "None means default").
    func optionalString(_ position: Int, orNone: Bool = false) throws -> String? {
        switch values[position] {
        case nil: return nil
        case .string(let text)?: return text
        case .none? where orNone: return nil
        case let other?:
            throw TemplateError(.invalidOperation,
                "\(method)() argument \(position + 1) must be str\(orNone ? " or None" : ""), not \(other.typeName)")
        }
    }

    /// An integer argument (bools count); nil when not given, or when None and `orNone` (slice indices).
    func optionalInteger(_ position: Int, orNone: Bool = false) throws -> Int? {
        switch values[position] {
        case nil: return nil
        case .int(let number)?: return number
        case .bool(let flag)?: return flag ? 1 : 0
        case .none? where orNone: return nil
        case .bigInt?:
            throw TemplateError(.invalidArgument, "Python int too large to convert to C ssize_t")
        case let other?:
            throw TemplateError(.invalidOperation, "'\(other.typeName)' object cannot be interpreted as an integer")
        }
    }
}
