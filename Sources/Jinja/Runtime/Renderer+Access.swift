/// Attribute, item and slice access and iteration, with Jinja2's lookup order.
extension Renderer {
    /// `value.name`: a Python attribute (methods, object attributes) first, then an item (Jinja2's `getattr`).
    func attribute(_ value: Value, _ name: String) throws -> Value {
        switch value {
        case .undefined(let message):
            if environment.undefinedBehavior == .chainable { return .undefined("'\(name)' is undefined") }
            throw Value.undefinedError(message)
        case .dict(let storage):
            if BuiltinMethods.has(value, name) { return .callable(BoundMethod(value, name)) }
            if let found = storage[name] { return found }
        case .string, .list, .tuple:
            if BuiltinMethods.has(value, name) { return .callable(BoundMethod(value, name)) }
        case .object(let object):
            if let found = try object.attribute(name, context) ?? object.item(.string(name), context) { return found }
        case .callable(let function):
            if let found = function.attribute(name) { return found }
        case .bigInt, .int, .bool, .float:
            if name == "real" { return value }
            if name == "imag" { return .int(0) }
        default:
            break
        }
        return .undefined("'\(value.objectName)' has no attribute '\(name)'")
    }

    /// `value[key]`: an item first, then (for string keys) an attribute.
    func item(_ value: Value, _ key: Value) throws -> Value {
        switch value {
        case .undefined(let message):
            if environment.undefinedBehavior == .chainable { return value }
            throw Value.undefinedError(message)
        case .dict(let storage):
            if let found = storage[key] { return found }
        case .list(let storage):
            if let found = element(storage.items, key) { return found }
        case .tuple(let items):
            if let found = element(items, key) { return found }
        case .string(let text):
            if let index = integerIndex(key) {
                let scalars = Array(text.unicodeScalars)
                let position = index < 0 ? index + scalars.count : index
                if scalars.indices.contains(position) { return .string(String(scalars[position])) }
            }
        case .object(let object):
            if let found = try object.item(key, context) { return found }
        default:
            break
        }
        if case .string(let name) = key {
            let found = try attribute(value, name)
            if !found.isUndefined { return found }
        }
        return .undefined("'\(value.objectName)' has no attribute '\(key.str)'")
    }

    private func integerIndex(_ key: Value) -> Int? {
        switch key {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    private func element(_ items: [Value], _ key: Value) -> Value? {
        guard let index = integerIndex(key) else { return nil }
        let position = index < 0 ? index + items.count : index
        return items.indices.contains(position) ? items[position] : nil
    }

    /// `value[start:stop:step]` with Python's clamping and negative indices.
    func slice(_ value: Value, _ start: Value?, _ stop: Value?, _ step: Value?) throws -> Value {
        func bound(_ v: Value?) throws -> Int? {
            switch v {
            case nil, .none?: return nil
            case .int(let i)?: return i
            case .bool(let b)?: return b ? 1 : 0
            case .undefined(let message)?: throw Value.undefinedError(message)
            case let other?:
                throw TemplateError(.invalidOperation, "slice indices must be integers or None, not \(other.typeName)")
            }
        }
        let stepValue = try bound(step) ?? 1
        guard stepValue != 0 else { throw TemplateError(.invalidArgument, "slice step cannot be zero") }
        let (startValue, stopValue) = (try bound(start), try bound(stop))
        func pick<T>(_ items: [T]) -> [T] {
            let count = items.count
            func clamp(_ i: Int?, _ fallback: Int, low: Int, high: Int) -> Int {
                guard var i else { return fallback }
                if i < 0 { i += count }
                return min(max(i, low), high)
            }
            var result: [T] = []
            if stepValue > 0 {
                var i = clamp(startValue, 0, low: 0, high: count)
                let end = clamp(stopValue, count, low: 0, high: count)
                while i < end { result.append(items[i]); i += stepValue }
            } else {
                var i = clamp(startValue, count - 1, low: -1, high: count - 1)
                let end = clamp(stopValue, -1, low: -1, high: count - 1)
                while i > end { result.append(items[i]); i += stepValue }
            }
            return result
        }
        switch value {
        case .list(let storage): return .list(ListStorage(pick(storage.items)))
        case .tuple(let items): return .tuple(pick(items))
        case .string(let text):
            var sliced = String.UnicodeScalarView()
            sliced.append(contentsOf: pick(Array(text.unicodeScalars)))
            return .string(String(sliced))
        case .undefined(let message):
            if environment.undefinedBehavior == .chainable { return value }
            throw Value.undefinedError(message)
        default: throw TemplateError(.invalidOperation, "'\(value.typeName)' object is not subscriptable")
        }
    }

    /// The items `for x in value` visits: a snapshot, so mutating a list inside its loop cannot run forever.
    func iterate(_ value: Value) throws -> [Value] {
        switch value {
        case .list(let storage): return storage.items
        case .tuple(let items): return items
        case .dict(let storage): return storage.keys
        case .string(let text): return text.unicodeScalars.map { .string(String($0)) }
        case .undefined: return []
        case .object(let object):
            if let items = try object.iterate() { return items }
        default: break
        }
        throw TemplateError(.invalidOperation, "'\(value.typeName)' object is not iterable")
    }
}

extension Value {
    /// How Jinja2 names a value in "has no attribute" messages (`'dict object'`).
    var objectName: String {
        switch self {
        case .none: return "None"
        default: return "\(typeName) object"
        }
    }
}
