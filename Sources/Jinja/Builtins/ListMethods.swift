/// Python's `list` methods. The mutating ones change the shared storage, so every name bound
/// to the list sees the change, and return None, as in Python.
enum ListMethod: String {
    case append, extend, insert, pop, remove, index, count, reverse, sort, copy, clear

    func call(on list: ListStorage, _ arguments: Arguments, _ context: CallContext) throws -> Value {
        func bind(_ names: String..., required: Int = 0, keywords: Bool = false) throws -> MethodArguments {
            try MethodArguments(rawValue, arguments, names, required: required, keywords: keywords)
        }
        switch self {
        case .append:
            list.items.append(try bind("object", required: 1).value(0))
        case .extend:
            list.items += try context.iterate(bind("iterable", required: 1).value(0))
        case .insert:
            let args = try bind("index", "object", required: 2)
            list.items.insert(args.value(1), at: Self.clamped(try args.integer(0), list.items.count))
        case .pop:
            guard !list.items.isEmpty else { throw TemplateError(.invalidArgument, "pop from empty list") }
            let index = try bind("index").optionalInteger(0) ?? -1
            let position = index < 0 ? index + list.items.count : index
            guard list.items.indices.contains(position) else {
                throw TemplateError(.invalidArgument, "pop index out of range")
            }
            return list.items.remove(at: position)
        case .remove:
            let item = try bind("value", required: 1).value(0)
            guard let position = list.items.firstIndex(where: { Value.equals($0, item) }) else {
                throw TemplateError(.invalidArgument, "list.remove(x): x not in list")
            }
            list.items.remove(at: position)
        case .index:
            let args = try bind("value", "start", "stop", required: 1)
            let count = list.items.count
            let start = Self.clamped(try args.optionalInteger(1) ?? 0, count)
            let stop = Self.clamped(try args.optionalInteger(2) ?? count, count)
            let item = args.value(0)
            guard start < stop, let position = list.items[start..<stop].firstIndex(where: { Value.equals($0, item) }) else {
                throw TemplateError(.invalidArgument, "\(item.repr) is not in list")
            }
            return .int(position)
        case .count:
            let item = try bind("value", required: 1).value(0)
            return .int(list.items.reduce(0) { $0 + (Value.equals($1, item) ? 1 : 0) })
        case .reverse:
            _ = try bind()
            list.items.reverse()
        case .sort:
            let args = try bind("key", "reverse", keywords: true)
            guard arguments.positional.isEmpty else {
                throw TemplateError(.invalidOperation, "sort() takes no positional arguments")
            }
            list.items = try Self.sorted(list.items, key: args[0], descending: args[1]?.isTruthy ?? false, context)
        case .copy:
            _ = try bind()
            return .list(list.items)
        case .clear:
            _ = try bind()
            list.items.removeAll()
        }
        return .none
    }

    /// A Python index into `count` items, negative from the end, clamped to `0...count`.
    private static func clamped(_ index: Int, _ count: Int) -> Int {
        index < 0 ? max(0, index + count) : min(index, count)
    }

    /// A stable sort by Python ordering, of `key(item)` when a key function is given; with
    /// `descending`, equal items keep their order, as Python's `reverse=True` does.
    private static func sorted(_ items: [Value], key: Value?, descending: Bool, _ context: CallContext) throws -> [Value] {
        let keys: [Value]
        switch key {
        case nil, .none?: keys = items
        case let function?: keys = try items.map { try context.call(function, Arguments([$0])) }
        }
        var order = Array(items.indices)
        try order.sort { a, b in
            descending ? try Value.compare(keys[b], keys[a]) < 0 : try Value.compare(keys[a], keys[b]) < 0
        }
        return order.map { items[$0] }
    }
}
