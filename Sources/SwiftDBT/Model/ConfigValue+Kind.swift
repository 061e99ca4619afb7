extension ConfigValue {
    /// What the value is, for messages about a value of the wrong kind: `a list`, `the text 'many'`.
    public var kindDescription: String {
        switch self {
        case .null: return "empty"
        case .bool(let b): return "the boolean \(b)"
        case .int(let i): return "the number \(i)"
        case .double(let d): return "the number \(d)"
        case .string(let s): return "the text '\(s)'"
        case .list: return "a list"
        case .dict: return "a mapping"
        }
    }

    /// The Python type dbt-core reads the value as (`str`, `int`, `dict`...), for messages quoting `<class '...'>`.
    var pythonTypeName: String {
        switch self {
        case .null: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "float"
        case .string: return "str"
        case .list: return "list"
        case .dict: return "dict"
        }
    }
}
