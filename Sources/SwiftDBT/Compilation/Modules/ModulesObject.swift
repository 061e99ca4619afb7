import Jinja

/// `modules`: the Python modules dbt exposes to templates (`datetime`, `pytz`, `re`, `itertools`).
final class ModulesObject: HostObject, Sendable {
    var typeName: String { "dict" }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        switch name {
        case "datetime": return .object(DateTimeModule())
        case "pytz": return .object(PytzModule())
        case "re": return .object(RegexModule())
        case "itertools": return .object(ItertoolsModule())
        default: return nil
        }
    }

    func item(_ key: Value, _ context: CallContext) throws -> Value? {
        guard case .string(let name) = key else { return nil }
        return try attribute(name, context)
    }
}
