/// Filters that apply a test, a filter or an attribute lookup to each item: `select`, `reject`,
/// `selectattr`, `rejectattr`, `map`; and `attr`, a plain attribute lookup.
extension BuiltinFilters {
    static let selecting: [String: Environment.Filter] = [
        "select": { value, arguments, context in try select(value, arguments, context, keep: true, byAttribute: false) },
        "reject": { value, arguments, context in try select(value, arguments, context, keep: false, byAttribute: false) },
        "selectattr": { value, arguments, context in try select(value, arguments, context, keep: true, byAttribute: true) },
        "rejectattr": { value, arguments, context in try select(value, arguments, context, keep: false, byAttribute: true) },
        "map": map,
        "attr": attr,
    ]

    /// The four select filters: keeps the items for which the test (named by the next positional
    /// argument, else truthiness) of the item, or of its attribute, gives `keep`.
    private static func select(_ value: Value, _ arguments: Arguments, _ context: CallContext,
                               keep: Bool, byAttribute: Bool) throws -> Value {
        .generator("select_or_reject") {
            guard value.isTruthy else { return [] }
            return try selected(value, arguments, context, keep: keep, byAttribute: byAttribute)
        }
    }

    private static func selected(_ value: Value, _ arguments: Arguments, _ context: CallContext,
                                 keep: Bool, byAttribute: Bool) throws -> [Value] {
        var rest = arguments.positional[...]
        var path: AttributePath?
        if byAttribute {
            guard let attribute = rest.popFirst() else {
                throw TemplateError(.invalidArgument, "Missing parameter for attribute name")
            }
            path = AttributePath(attribute)
        }
        let testName = try rest.popFirst().map(name)
        let testArguments = Arguments(Array(rest), keyword: arguments.keyword)
        return try context.iterate(value).filter { item in
            let subject = try path?.read(item, context) ?? item
            let passed = try testName.map { try context.test($0, subject, testArguments) } ?? subject.isTruthy
            return passed == keep
        }
    }

    /// `map(filter, *args, **kwargs)` or `map(attribute=path, default=None)`.
    private static func map(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
        .generator("sync_do_map") {
            guard value.isTruthy else { return [] }
            return try mapped(value, arguments, context)
        }
    }

    private static func mapped(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> [Value] {
        let items = try context.iterate(value)
        if arguments.positional.isEmpty, let attribute = arguments.named("attribute") {
            if let unexpected = arguments.keyword.first(where: { $0.name != "attribute" && $0.name != "default" }) {
                throw TemplateError(.invalidArgument, "Unexpected keyword argument '\(unexpected.name)'")
            }
            let path = AttributePath(attribute)
            let fallback = arguments.named("default") ?? .none
            return try items.map { try path.read($0, context, fallback: fallback) }
        }
        guard let filter = arguments.positional.first else {
            throw TemplateError(.invalidArgument, "map requires a filter argument")
        }
        let filterName = try name(filter)
        let filterArguments = Arguments(Array(arguments.positional.dropFirst()), keyword: arguments.keyword)
        return try items.map { try context.filter(filterName, $0, filterArguments) }
    }

    /// A filter or test name given as an argument.
    private static func name(_ value: Value) throws -> String {
        guard case .string(let name) = value else {
            throw TemplateError(.invalidArgument, "a filter or test name must be a string, not '\(value.typeName)'")
        }
        return name
    }

    /// `attr(name)`: `getattr(value, name)` only; a dict's items are not attributes.
    private static func attr(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
        guard case .string(let attribute) = try arguments.bind("attr", ["name"], required: 1)[0] else {
            throw TemplateError(.invalidOperation, "attribute name must be string")
        }
        if case .dict = value {
            if BuiltinMethods.has(value, attribute) { return .callable(BoundMethod(value, attribute)) }
            return .undefined("'dict object' has no attribute '\(attribute)'")
        }
        return try context.attribute(value, attribute)
    }
}
