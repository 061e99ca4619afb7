import Jinja

/// `api.Column`: called as `api.Column(name, dtype)`, or `api.Column.create(name, label)`.
final class ColumnFactory: HostObject {
    let dialect: any Dialect
    init(dialect: any Dialect) { self.dialect = dialect }

    var typeName: String { "type" }
    var display: String { "<class 'Column'>" }

    func call(_ arguments: Arguments, _ context: CallContext) throws -> Value {
        let bound = try arguments.bind("Column", ["column", "dtype", "char_size", "numeric_precision", "numeric_scale"],
                                       defaults: ["char_size": .none, "numeric_precision": .none, "numeric_scale": .none])
        guard let name = bound[0].stringValue, let dtype = bound[1].stringValue else {
            throw TemplateError(.invalidArgument, "Column() needs a column name and a data type")
        }
        func int(_ value: Value) -> Int? { if case .int(let i) = value { return i } else { return nil } }
        return .object(ColumnObject(name: name, dtype: dtype, charSize: int(bound[2]), numericPrecision: int(bound[3]),
                                    numericScale: int(bound[4]), dialect: dialect))
    }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        guard name == "create" || name == "translate_type" else { return nil }
        return .function(name) { [dialect] arguments, _ in
            if name == "translate_type" { return .string(ColumnObject.translate(arguments.value(0, "dtype")?.str ?? "")) }
            let bound = try arguments.bind("create", ["name", "label_or_dtype"])
            guard let column = bound[0].stringValue, let label = bound[1].stringValue else {
                throw TemplateError(.invalidArgument, "Column.create() needs a column name and a type")
            }
            return .object(ColumnObject(name: column, dtype: ColumnObject.translate(label), dialect: dialect))
        }
    }
}
