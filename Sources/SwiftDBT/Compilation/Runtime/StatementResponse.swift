import Jinja

/// What a statement reported (dbt's `AdapterResponse`): prints as its message.
final class StatementResponse: HostObject {
    let message: String
    let code: String?
    let rowsAffected: Int?

    init(message: String, code: String?, rowsAffected: Int?) {
        self.message = message
        self.code = code
        self.rowsAffected = rowsAffected
    }

    var typeName: String { "AdapterResponse" }
    var display: String { message }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        switch name {
        case "_message": return .string(message)
        case "code": return code.map(Value.string) ?? Value.none
        case "rows_affected": return rowsAffected.map(Value.int) ?? Value.none
        default: return nil
        }
    }
}
