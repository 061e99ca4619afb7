/// The object `namespace(...)` returns: attributes that `{% set ns.x = ... %}` may change
/// from inside loops, the one way Jinja2 lets a loop carry state out.
final class Namespace: HostObject {
    let storage = DictStorage()

    var typeName: String { "Namespace" }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? { storage[name] }

    func setAttribute(_ name: String, _ value: Value) throws { storage[name] = value }

    var display: String { "<Namespace \(Value.dict(storage).repr)>" }
}
