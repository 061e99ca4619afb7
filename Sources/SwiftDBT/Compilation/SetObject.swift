import Jinja

/// What dbt's `set(value)` returns: a Python set. Equal to another set with the same items in any
/// order (`set(a) != set(b)` compares contents), iterated in insertion order (Python's order is a
/// hash's), printed as Python prints it, with the set methods package macros call. Unlike Python's,
/// it can be a dict key, and the operators `<`, `<=`, `|`, `&`, `-` are not supported (the engine's
/// value model has no hook for them; the methods do the same).
final class SetObject: HostObject {
    private(set) var items: [Value]

    /// The distinct items of `values`, first occurrence kept; nil when one cannot be in a Python set (a list, a dict).
    init?(_ values: [Value]) {
        items = []
        for value in values {
            guard SetObject.isHashable(value) else { return nil }
            if !items.contains(where: { Value.equals($0, value) }) { items.append(value) }
        }
    }

    var typeName: String { "set" }

    func iterate() throws -> [Value]? { items }

    var isTruthy: Bool { !items.isEmpty }

    var display: String {
        items.isEmpty ? "set()" : "{" + items.map(\.repr).joined(separator: ", ") + "}"
    }

    /// The items' keys, sorted: two sets with the same items have the same key, whatever their order.
    var valueKey: String? {
        items.map(SetObject.key).sorted().joined(separator: "\u{0}")
    }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        switch name {
        case "issubset": return method(name) { [self] others in .bool(items.allSatisfy { contains(others[0], $0) }) }
        case "issuperset": return method(name) { [self] others in .bool(others[0].allSatisfy(has)) }
        case "isdisjoint": return method(name) { [self] others in .bool(!items.contains { contains(others[0], $0) }) }
        case "union": return method(name, variadic: true) { [self] others in try make(items + others.joined()) }
        case "intersection":
            return method(name, variadic: true) { [self] others in
                try make(items.filter { item in others.allSatisfy { contains($0, item) } })
            }
        case "difference":
            return method(name, variadic: true) { [self] others in
                try make(items.filter { item in !others.contains { contains($0, item) } })
            }
        case "symmetric_difference":
            return method(name) { [self] others in
                try make(items.filter { !contains(others[0], $0) } + others[0].filter { !has($0) })
            }
        case "add":
            return .function(name) { [self] arguments, _ in
                guard let value = arguments.positional.first, arguments.positional.count == 1 else {
                    throw TemplateError(.invalidArgument, "set.add() takes exactly one argument")
                }
                guard SetObject.isHashable(value) else {
                    throw TemplateError(.invalidArgument, "unhashable type: '\(value.typeName)'")
                }
                if !has(value) { items.append(value) }
                return .none
            }
        default: return nil
        }
    }

    private func has(_ value: Value) -> Bool { contains(items, value) }

    private func contains(_ values: [Value], _ value: Value) -> Bool {
        values.contains { Value.equals($0, value) }
    }

    private func make(_ values: [Value]) throws -> Value {
        guard let set = SetObject(values) else { throw TemplateError(.invalidArgument, "unhashable item in a set") }
        return .object(set)
    }

    /// A set method taking iterables (one, or any number when `variadic`), each read as its items.
    private func method(_ name: String, variadic: Bool = false, _ body: @escaping ([[Value]]) throws -> Value) -> Value {
        .function(name) { arguments, context in
            let count = arguments.positional.count
            guard arguments.keyword.isEmpty, variadic || count == 1 else {
                throw TemplateError(.invalidArgument, "set.\(name)() takes exactly one argument (\(count) given)")
            }
            return try body(try arguments.positional.map { try context.iterate($0) })
        }
    }

    /// Whether Python can hash `value` (lists, dicts and unhashable objects cannot be set items).
    private static func isHashable(_ value: Value) -> Bool {
        switch value {
        case .list, .dict, .undefined: return false
        case .tuple(let items): return items.allSatisfy(isHashable)
        case .object(let object): return object.valueKey != nil
        default: return true
        }
    }

    /// An item's key for `valueKey`: numbers by value (Python's `1 == 1.0 == True`), the rest by type and repr.
    private static func key(_ value: Value) -> String {
        switch value {
        case .bool(let b): return "n" + (b ? "1" : "0")
        case .int(let i): return "n\(i)"
        case .float(let d): return d.rounded() == d && abs(d) < 1e18 ? "n\(Int(d))" : "n\(d)"
        case .object(let object): return "o" + object.typeName + "\u{1}" + (object.valueKey ?? "")
        default: return value.typeName + "\u{1}" + value.repr
        }
    }
}
