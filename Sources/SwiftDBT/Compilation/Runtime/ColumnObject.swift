import Jinja

/// A column as templates see it (`adapter.get_columns_in_relation(...)`, `api.Column(...)`),
/// behaving as dbt-adapters' `Column`: its name and type, the type tests (`is_string()`, ...)
/// and the full SQL type (`data_type`, `literal()`).
final class ColumnObject: HostObject {
    let name: String
    let dtype: String
    let charSize: Int?
    let numericPrecision: Int?
    let numericScale: Int?
    let dialect: any Dialect

    /// A column the database reported.
    convenience init(_ column: DatabaseColumn, dialect: any Dialect) {
        self.init(name: column.name, dtype: column.type, charSize: column.charSize, numericPrecision: column.numericPrecision,
                  numericScale: column.numericScale, dialect: dialect)
    }

    init(name: String, dtype: String, charSize: Int? = nil, numericPrecision: Int? = nil, numericScale: Int? = nil,
         dialect: any Dialect) {
        self.name = name
        self.dtype = dtype
        self.charSize = charSize
        self.numericPrecision = numericPrecision
        self.numericScale = numericScale
        self.dialect = dialect
    }

    /// `api.Column.create(name, label)`: dbt's type label `STRING` becomes `TEXT`; other types stay.
    static func translate(_ label: String) -> String {
        label.uppercased() == "STRING" ? "TEXT" : label
    }

    var typeName: String { "Column" }

    var valueKey: String? { name + "\u{0}" + dtype }

    /// Python's dataclass text: `Column(column='a', dtype='text', char_size=None, ...)`.
    var display: String {
        func optional(_ value: Int?) -> String { value.map(String.init) ?? "None" }
        return "\(dialect.columnClassName)(column=\(Value.string(name).repr), dtype=\(Value.string(dtype).repr), "
            + "char_size=\(optional(charSize)), numeric_precision=\(optional(numericPrecision)), numeric_scale=\(optional(numericScale)))"
    }

    private var lowered: String { dtype.lowercased() }

    var isString: Bool { ["text", "character varying", "character", "varchar"].contains(lowered) }
    var isFloat: Bool { ["real", "float4", "float", "double precision", "float8", "double"].contains(lowered) }
    var isInteger: Bool {
        ["smallint", "integer", "bigint", "smallserial", "serial", "bigserial", "int2", "int4", "int8",
         "serial2", "serial4", "serial8"].contains(lowered)
    }
    var isNumeric: Bool { ["numeric", "decimal"].contains(lowered) }

    /// The size a string column holds (256 for `text` or an unsized one).
    func stringSize() throws -> Int {
        guard isString else { throw TemplateError(.raised, "Called string_size() on non-string field!") }
        guard lowered != "text", let charSize else { return 256 }
        return charSize
    }

    /// Whether this is a string column `other` (a string column too) holds wider, as dbt's `can_expand_to`.
    func canExpand(to other: ColumnObject) throws -> Bool {
        guard isString, other.isString else { return false }
        return try other.stringSize() > stringSize()
    }

    /// The full SQL type: strings with their size, numerics with precision and scale.
    var dataType: String {
        if isString {
            if dialect.keepsUnsizedStringTypes, lowered == "text" || (lowered == "character varying" && charSize == nil) {
                return dtype
            }
            return "character varying(\((try? stringSize()) ?? 256))"
        }
        if isNumeric, let numericPrecision, let numericScale { return "\(dtype)(\(numericPrecision),\(numericScale))" }
        return dtype
    }

    func attribute(_ attribute: String, _ context: CallContext) throws -> Value? {
        func optional(_ value: Int?) -> Value { value.map(Value.int) ?? .none }
        func test(_ result: Bool) -> Value { .function(attribute) { _, _ in .bool(result) } }
        switch attribute {
        case "name", "column": return .string(name)
        case "quoted": return .string(dialect.quote(name))
        case "dtype": return .string(dtype)
        case "data_type": return .string(dataType)
        case "char_size": return optional(charSize)
        case "numeric_precision": return optional(numericPrecision)
        case "numeric_scale": return optional(numericScale)
        case "is_string": return test(isString)
        case "is_number": return test(isInteger || isNumeric || isFloat)
        case "is_numeric": return test(isNumeric)
        case "is_integer": return test(isInteger)
        case "is_float": return test(isFloat)
        case "string_size": return .function(attribute) { [self] _, _ in .int(try stringSize()) }
        case "can_expand_to": return .function(attribute) { [self] arguments, _ in
            guard case .object(let other as ColumnObject)? = arguments.value(0, "other_column") else {
                throw TemplateError(.invalidArgument, "can_expand_to() needs a column")
            }
            return .bool(try canExpand(to: other))
        }
        case "literal": return .function(attribute) { [self] arguments, _ in
            .string("\(arguments.value(0, "value")?.str ?? "")::\(dataType)")
        }
        default: return nil
        }
    }
}
