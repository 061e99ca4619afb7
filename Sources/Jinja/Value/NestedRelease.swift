/// Frees nested lists, dicts and tuples one at a time: a template can nest them a million deep
/// (`{% set ns.x = [ns.x] %}` in a loop), and freeing them the default way, each container
/// releasing its items, would recurse that deep and overflow the stack.
enum NestedRelease {
    /// Empties `items`, taking apart every nested container that nothing else holds.
    static func release(_ items: inout [Value]) {
        guard items.contains(where: isContainer) else { return }
        var pending: [Value] = []
        swap(&pending, &items)
        while !pending.isEmpty {
            var list: ListStorage?
            var dict: DictStorage?
            do {
                let value = pending.removeLast()
                switch value {
                case .list(let storage): list = storage
                case .dict(let storage): dict = storage
                case .tuple(let elements): pending += elements
                default: break
                }
            }
            // Only this loop holds a container it may take apart; one shared elsewhere is left whole.
            if var storage = list.take(), isKnownUniquelyReferenced(&storage) {
                pending += storage.items
                storage.items = []
            }
            if var storage = dict.take(), isKnownUniquelyReferenced(&storage) {
                pending += storage.keys
                pending += storage.values
                storage.removeAll()
            }
        }
    }

    private static func isContainer(_ value: Value) -> Bool {
        switch value {
        case .list, .dict, .tuple: return true
        default: return false
        }
    }
}
