import Jinja

/// One column of a result: its `name` and `values()`.
final class ResultColumn: HostObject {
    let name: String
    let values: [Value]
    init(name: String, values: [Value]) {
        self.name = name
        self.values = values
    }

    var typeName: String { "Column" }
    var display: String { "<agate.Column: (" + values.map(\.repr).joined(separator: ", ") + ")>" }

    func iterate() throws -> [Value]? { values }

    func item(_ key: Value, _ context: CallContext) throws -> Value? {
        ResultSequence.lookup(key, items: values, names: nil)
    }

    func attribute(_ attribute: String, _ context: CallContext) throws -> Value? {
        switch attribute {
        case "name": return .string(name)
        case "values": return .function(attribute) { [values] _, _ in .tuple(values) }
        case "values_distinct": return .function(attribute) { [values] _, _ in
            var distinct: [Value] = []
            for value in values where !distinct.contains(where: { Value.equals($0, value) }) { distinct.append(value) }
            return .tuple(distinct)
        }
        case "values_without_nulls": return .function(attribute) { [values] _, _ in .tuple(values.filter { !$0.isNone }) }
        default: return nil
        }
    }
}
