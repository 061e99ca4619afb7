import Jinja

/// An entry of a result table's `column_types`: the agate data type dbt's type tester gives a column of a
/// statement's rows (whole numbers `Integer`, dbt's own type, other numbers `Number`; a column holding any string
/// `Text`; nothing but nulls `Integer`). Printed as Python prints the type object, without its address.
final class ResultColumnType: HostObject {
    /// The agate data types a result column can have.
    enum Kind: String {
        case integer = "dbt_common.clients.agate_helper.Integer"
        case number = "dbt_common.clients.agate_helper.Number"
        case boolean = "agate.data_types.boolean.Boolean"
        case date = "agate.data_types.date.Date"
        case dateTime = "agate.data_types.date_time.DateTime"
        case text = "agate.data_types.text.Text"

        /// The type agate's type tester settles on for a column's values: the first of Integer, Number, Date,
        /// DateTime, Boolean that holds every non-null value, else Text.
        init(values: [Value]) {
            let present = values.filter { if case .none = $0 { return false } else { return true } }
            func all(_ test: (Value) -> Bool) -> Bool { present.allSatisfy(test) }
            func dateTime(_ value: Value) -> DateTimeObject? {
                if case .object(let object as DateTimeObject) = value { return object }
                return nil
            }
            if all({ if case .int = $0 { return true } else if case .bigInt = $0 { return true } else { return false } }) {
                self = .integer
            } else if all({ switch $0 { case .int, .bigInt, .float, .object(is PythonDecimal): return true; default: return false } }) {
                self = .number
            } else if all({ dateTime($0)?.isDate == true }) {
                self = .date
            } else if all({ dateTime($0) != nil }) {
                self = .dateTime
            } else if all({ if case .bool = $0 { return true } else { return false } }) {
                self = .boolean
            } else {
                self = .text
            }
        }
    }

    let kind: Kind

    init(_ kind: Kind) { self.kind = kind }

    var typeName: String { String(kind.rawValue.split(separator: ".").last ?? "") }
    var display: String { "<\(kind.rawValue) object>" }
}
