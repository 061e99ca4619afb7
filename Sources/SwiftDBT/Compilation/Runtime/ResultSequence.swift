import Jinja

/// `table.rows` and `table.columns`: a sequence indexed by position (and, for columns, by name).
final class ResultSequence: HostObject {
    let items: [Value]
    let names: [String]?
    init(items: [Value], names: [String]?) {
        self.items = items
        self.names = names
    }

    var typeName: String { "MappedSequence" }
    var display: String { "<agate.MappedSequence>" }

    func iterate() throws -> [Value]? { items }

    func item(_ key: Value, _ context: CallContext) throws -> Value? {
        ResultSequence.lookup(key, items: items, names: names)
    }

    func attribute(_ attribute: String, _ context: CallContext) throws -> Value? {
        switch attribute {
        case "keys": return .function(attribute) { [names] _, _ in .tuple((names ?? []).map(Value.string)) }
        case "values": return .function(attribute) { [items] _, _ in .tuple(items) }
        case "items": return .function(attribute) { [names, items] _, _ in
            .list(zip(names ?? [], items).map { Value.tuple([.string($0), $1]) })
        }
        default: return nil
        }
    }

    /// `items[0]`, `items[-1]`, `items['name']`.
    static func lookup(_ key: Value, items: [Value], names: [String]?) -> Value? {
        switch key {
        case .int(let index):
            let position = index < 0 ? index + items.count : index
            return items.indices.contains(position) ? items[position] : nil
        case .string(let name):
            guard let position = names?.firstIndex(of: name), items.indices.contains(position) else { return nil }
            return items[position]
        default:
            return nil
        }
    }
}
