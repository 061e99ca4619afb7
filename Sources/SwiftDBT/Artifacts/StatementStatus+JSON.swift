extension StatementStatus {
    /// The statement's `adapter_response` as dbt's artifacts write it: `_message`, `code` where the database gives
    /// one, `rows_affected` where something counted rows.
    var adapterResponse: ConfigValue {
        var entries: [(key: String, value: ConfigValue)] = [("_message", .string(message))]
        if let code { entries.append(("code", .string(code))) }
        if let rowsAffected { entries.append(("rows_affected", .int(rowsAffected))) }
        return .dict(entries)
    }
}
