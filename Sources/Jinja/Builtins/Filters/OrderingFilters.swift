/// Filters that compare items: `sort`, `dictsort`, `unique`, `min`, `max`, `groupby`, `sum`.
/// String keys compare case-insensitively unless `case_sensitive` is true.
extension BuiltinFilters {
    static let ordering: [String: Environment.Filter] = [
        "sort": sort,
        "dictsort": dictsort,
        "unique": unique,
        "min": { value, arguments, context in try extreme(value, arguments, context, name: "min") },
        "max": { value, arguments, context in try extreme(value, arguments, context, name: "max") },
        "groupby": groupby,
        "sum": sum,
    ]

    /// The comparison key of `item` at `path`, lower-cased unless `caseSensitive`.
    private static func key(_ item: Value, _ path: AttributePath, _ context: CallContext,
                            caseSensitive: Bool, fallback: Value = .none) throws -> Value {
        let value = try path.read(item, context, fallback: fallback)
        return caseSensitive ? value : value.ignoringCase
    }

    /// `sort(reverse=False, case_sensitive=False, attribute=None)`; `attribute` may list
    /// several comma-separated paths, compared in turn.
    private static func sort(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
        let bound = try arguments.bind("sort", ["reverse", "case_sensitive", "attribute"],
                                       defaults: ["reverse": .bool(false), "case_sensitive": .bool(false), "attribute": .none])
        let items = try context.iterate(value)
        let paths = AttributePath.list(bound[2])
        let keys = try items.map { item in
            Value.tuple(try paths.map { try key(item, $0, context, caseSensitive: bound[1].isTruthy) })
        }
        return .list(try pythonSortOrder(keys, reverse: bound[0].isTruthy).map { items[$0] })
    }

    /// `dictsort(case_sensitive=False, by='key', reverse=False)`: the `(key, value)` pairs in order.
    private static func dictsort(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
        let bound = try arguments.bind("dictsort", ["case_sensitive", "by", "reverse"],
                                       defaults: ["case_sensitive": .bool(false), "by": .string("key"), "reverse": .bool(false)])
        guard case .dict(let storage) = value else {
            if case .undefined(let message) = value { throw Value.undefinedError(message) }
            throw TemplateError(.invalidOperation, "'\(value.typeName)' object has no attribute 'items'")
        }
        let byValue: Bool
        switch bound[1].stringValue {
        case "key": byValue = false
        case "value": byValue = true
        default: throw TemplateError(.invalidArgument, "You can only sort by either \"key\" or \"value\"")
        }
        let pairs = storage.entries.map { Value.tuple([$0.0, $0.1]) }
        let keys = storage.entries.map { byValue ? $0.1 : $0.0 }.map { bound[0].isTruthy ? $0 : $0.ignoringCase }
        return .list(try pythonSortOrder(keys, reverse: bound[2].isTruthy).map { pairs[$0] })
    }

    /// `unique(case_sensitive=False, attribute=None)`: items whose key was not seen before, in order.
    private static func unique(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
        let bound = try arguments.bind("unique", ["case_sensitive", "attribute"],
                                       defaults: ["case_sensitive": .bool(false), "attribute": .none])
        let path = AttributePath(bound[1])
        return .generator("sync_do_unique") {
            let seen = DictStorage()
            // Keys Python hashes by identity (undefined values, functions, objects) have no dict key here.
            var seenByIdentity: [Value] = []
            return try context.iterate(value).filter { item in
                let itemKey = try key(item, path, context, caseSensitive: bound[0].isTruthy)
                guard itemKey.isHashable else { throw TemplateError(.invalidOperation, "unhashable type: '\(itemKey.typeName)'") }
                if DictStorage.isHashable(itemKey) {
                    guard seen[itemKey] == nil else { return false }
                    seen[itemKey] = Value.none
                } else {
                    guard !seenByIdentity.contains(where: { Value.equals($0, itemKey) }) else { return false }
                    seenByIdentity.append(itemKey)
                }
                return true
            }
        }
    }

    /// `min`/`max(case_sensitive=False, attribute=None)`: the first smallest or largest item.
    private static func extreme(_ value: Value, _ arguments: Arguments, _ context: CallContext, name: String) throws -> Value {
        let bound = try arguments.bind(name, ["case_sensitive", "attribute"],
                                       defaults: ["case_sensitive": .bool(false), "attribute": .none])
        let path = AttributePath(bound[1])
        var best: (item: Value, key: Value)?
        for item in try context.iterate(value) {
            let itemKey = try key(item, path, context, caseSensitive: bound[0].isTruthy)
            guard let current = best else {
                best = (item, itemKey)
                continue
            }
            let comparison = try Value.compare(itemKey, current.key)
            if name == "min" ? comparison < 0 : comparison > 0 { best = (item, itemKey) }
        }
        return best?.item ?? .undefined("No aggregated item, sequence was empty.")
    }

    /// `groupby(attribute, default=None, case_sensitive=False)`: `(grouper, list)` tuples in key order.
    private static func groupby(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
        let bound = try arguments.bind("groupby", ["attribute", "default", "case_sensitive"], required: 1,
                                       defaults: ["default": .none, "case_sensitive": .bool(false)])
        let path = AttributePath(bound[0])
        let caseSensitive = bound[2].isTruthy
        let items = try context.iterate(value)
        let keys = try items.map { try key($0, path, context, caseSensitive: caseSensitive, fallback: bound[1]) }
        var groups: [Value] = []
        var current: (key: Value, items: [Value])?
        func close() throws {
            guard let group = current, let first = group.items.first else { return }
            let grouper = caseSensitive ? group.key : try path.read(first, context, fallback: bound[1])
            groups.append(.object(GroupTuple(grouper: grouper, list: group.items)))
        }
        for index in try pythonSortOrder(keys, reverse: false) {
            if let group = current, Value.equals(group.key, keys[index]) {
                current?.items.append(items[index])
            } else {
                try close()
                current = (keys[index], [items[index]])
            }
        }
        try close()
        return .list(groups)
    }

    /// `sum(attribute=None, start=0)`: `start + item + item ...` with Python's `+`.
    private static func sum(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
        let bound = try arguments.bind("sum", ["attribute", "start"], defaults: ["attribute": .none, "start": .int(0)])
        if case .string = bound[1] {
            throw TemplateError(.invalidOperation, "sum() can't sum strings [use ''.join(seq) instead]")
        }
        let path = bound[0].isNone ? nil : AttributePath(bound[0])
        var total = bound[1]
        for item in try context.iterate(value) {
            total = try Value.binary(.add, total, try path?.read(item, context) ?? item)
        }
        return total
    }
}
