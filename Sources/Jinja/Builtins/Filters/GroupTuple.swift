/// One group from `groupby`: a `(grouper, list)` tuple whose fields also read as `.grouper`
/// and `.list` (Jinja2's `_GroupTuple` named tuple).
final class GroupTuple: HostObject {
    let grouper: Value
    let list: Value

    init(grouper: Value, list: [Value]) {
        self.grouper = grouper
        self.list = .list(list)
    }

    var typeName: String { "tuple" }

    var elements: [Value] { [grouper, list] }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        switch name {
        case "grouper": return grouper
        case "list": return list
        default: return nil
        }
    }

    func item(_ key: Value, _ context: CallContext) throws -> Value? {
        switch key {
        case .int(0), .int(-2), .bool(false): return grouper
        case .int(1), .int(-1), .bool(true): return list
        default: return nil
        }
    }

    func iterate() throws -> [Value]? { elements }

    var display: String { Value.tuple(elements).repr }
}
