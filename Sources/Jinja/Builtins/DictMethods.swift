/// Python's `dict` methods. Mutations change the shared storage, as in Python.
///
/// Known difference: `items()`, `keys()` and `values()` return lists (of tuples, for `items`)
/// rather than views, so they iterate and convert alike but print as `[...]` where Jinja2
/// prints `dict_items([...])`, `dict_keys([...])` and `dict_values([...])`.
enum DictMethod: String {
    case items, keys, values, get, pop, popitem, setdefault, update, copy, clear

    func call(on dict: DictStorage, _ arguments: Arguments, _ context: CallContext) throws -> Value {
        func bind(_ names: String..., required: Int = 0) throws -> MethodArguments {
            try MethodArguments(rawValue, arguments, names, required: required)
        }
        switch self {
        case .items:
            _ = try bind()
            return .list(dict.entries.map { .tuple([$0, $1]) })
        case .keys:
            _ = try bind()
            return .list(dict.keys)
        case .values:
            _ = try bind()
            return .list(dict.values)
        case .get:
            let args = try bind("key", "default", required: 1)
            return dict[try Self.key(args.value(0))] ?? args[1] ?? Value.none
        case .pop:
            let args = try bind("key", "default", required: 1)
            let key = try Self.key(args.value(0))
            if let found = dict[key] {
                dict[key] = nil
                return found
            }
            guard let fallback = args[1] else { throw TemplateError(.invalidArgument, "KeyError: \(key.repr)") }
            return fallback
        case .popitem:
            _ = try bind()
            guard let key = dict.keys.last, let value = dict[key] else {
                throw TemplateError(.invalidArgument, "KeyError: 'popitem(): dictionary is empty'")
            }
            dict[key] = nil
            return .tuple([key, value])
        case .setdefault:
            let args = try bind("key", "default", required: 1)
            let key = try Self.key(args.value(0))
            if let found = dict[key] { return found }
            let fallback = args[1] ?? Value.none
            dict[key] = fallback
            return fallback
        case .update:
            guard arguments.positional.count <= 1 else {
                throw TemplateError(.invalidOperation, "update expected at most 1 argument, got \(arguments.positional.count)")
            }
            if let other = arguments.positional.first { try Self.merge(other, into: dict, context) }
            for (name, value) in arguments.keyword { dict[name] = value }
        case .copy:
            _ = try bind()
            return .dict(dict.copy())
        case .clear:
            _ = try bind()
            dict.removeAll()
        }
        return .none
    }

    /// `key`, if it can be a dict key (Python: is hashable).
    private static func key(_ key: Value) throws -> Value {
        guard DictStorage.isHashable(key) else {
            throw TemplateError(.invalidOperation, "unhashable type: '\(key.typeName)'")
        }
        return key
    }

    /// `dict.update(other)`: another dict, or an iterable of key-value pairs.
    private static func merge(_ other: Value, into dict: DictStorage, _ context: CallContext) throws {
        if case .dict(let source) = other {
            for (key, value) in source.entries { dict[key] = value }
            return
        }
        for (i, element) in try context.iterate(other).enumerated() {
            let pair = try context.iterate(element)
            guard pair.count == 2 else {
                throw TemplateError(.invalidArgument,
                    "dictionary update sequence element #\(i) has length \(pair.count); 2 is required")
            }
            dict[try key(pair[0])] = pair[1]
        }
    }
}
