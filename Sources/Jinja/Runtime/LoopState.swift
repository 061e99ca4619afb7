/// The `loop` variable inside `{% for %}`: position, neighbours, `cycle`, `changed`,
/// and for `recursive` loops, the loop itself as a callable.
final class LoopState: HostObject {
    let items: [Value]
    var index0 = 0
    let depth0: Int
    private var lastChanged: [Value]?
    /// Renders the loop body again over new items, one level deeper (recursive loops only).
    let recurse: ((Value, Int) throws -> Value)?

    init(items: [Value], depth0: Int, recurse: ((Value, Int) throws -> Value)?) {
        self.items = items
        self.depth0 = depth0
        self.recurse = recurse
    }

    var typeName: String { "LoopContext" }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        let length = items.count
        switch name {
        case "index": return .int(index0 + 1)
        case "index0": return .int(index0)
        case "revindex": return .int(length - index0)
        case "revindex0": return .int(length - index0 - 1)
        case "first": return .bool(index0 == 0)
        case "last": return .bool(index0 == length - 1)
        case "length": return .int(length)
        case "depth": return .int(depth0 + 1)
        case "depth0": return .int(depth0)
        case "previtem": return index0 > 0 ? items[index0 - 1] : .undefined("there is no previous item")
        case "nextitem": return index0 + 1 < length ? items[index0 + 1] : .undefined("there is no next item")
        case "cycle":
            return .function("cycle") { [index0] arguments, _ in
                guard !arguments.positional.isEmpty else {
                    throw TemplateError(.invalidArgument, "no items for cycling given")
                }
                return arguments.positional[index0 % arguments.positional.count]
            }
        case "changed":
            return .function("changed") { [weak self] arguments, _ in
                guard let self else { return .bool(false) }
                let current = arguments.positional
                defer { self.lastChanged = current }
                guard let last = self.lastChanged else { return .bool(true) }
                return .bool(!(last.count == current.count && zip(last, current).allSatisfy { Value.equals($0, $1) }))
            }
        default: return nil
        }
    }

    func call(_ arguments: Arguments, _ context: CallContext) throws -> Value {
        guard let recurse else {
            throw TemplateError(.invalidOperation, "the loop must be marked 'recursive' to be called")
        }
        guard let items = arguments.positional.first, arguments.positional.count == 1 else {
            throw TemplateError(.invalidArgument, "loop() takes exactly one argument")
        }
        return try recurse(items, depth0 + 1)
    }

    var display: String { "<LoopContext \(index0 + 1)/\(items.count)>" }
}
