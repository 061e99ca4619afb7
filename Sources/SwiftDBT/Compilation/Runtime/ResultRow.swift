import Jinja

/// One row: indexed by position or by column name, iterated as its values.
final class ResultRow: HostObject {
    let names: [String]
    let values: [Value]
    init(names: [String], values: [Value]) {
        self.names = names
        self.values = values
    }

    var typeName: String { "Row" }
    var display: String { "<agate.Row: (" + values.map(\.repr).joined(separator: ", ") + ")>" }

    func iterate() throws -> [Value]? { values }

    func item(_ key: Value, _ context: CallContext) throws -> Value? {
        ResultSequence.lookup(key, items: values, names: names)
    }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        switch name {
        case "keys": return .function(name) { [names] _, _ in .tuple(names.map(Value.string)) }
        case "values": return .function(name) { [values] _, _ in .tuple(values) }
        case "items": return .function(name) { [names, values] _, _ in
            .list(zip(names, values).map { Value.tuple([.string($0), $1]) })
        }
        case "get": return .function(name) { [self] arguments, context in
            try item(arguments.value(0, "key") ?? .none, context) ?? arguments.value(1, "default") ?? .none
        }
        case "dict": return .function(name) { [names, values] _, _ in .dict(Array(zip(names, values))) }
        default: return nil
        }
    }
}
