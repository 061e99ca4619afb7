import Jinja

/// `store_result`, `store_raw_result` and `load_result`: the results of named statements of
/// one render (what `{% call statement('name', fetch_result=True) %}` leaves for `load_result('name')`).
enum StatementResults {
    /// The context function `name`, or nil when it is not one of these.
    static func function(_ name: String, state: RenderState) -> Value? {
        switch name {
        case "store_result":
            return .function(name) { [state] arguments, _ in
                let bound = try arguments.bind(name, ["name", "response", "agate_table"], defaults: ["agate_table": .none])
                store(bound[0].str, response: bound[1], table: bound[2], state: state)
                return .string("")
            }
        case "store_raw_result":
            return .function(name) { [state] arguments, _ in
                let bound = try arguments.bind(name, ["name", "message", "code", "rows_affected", "agate_table"],
                                               defaults: ["message": .none, "code": .none, "rows_affected": .none,
                                                          "agate_table": .none])
                var rows: Int?
                if case .int(let count) = bound[3] { rows = count }
                let response = StatementResponse(message: bound[1].isNone ? "" : bound[1].str,
                                                 code: bound[2].isNone ? nil : bound[2].str, rowsAffected: rows)
                store(bound[0].str, response: .object(response), table: bound[4], state: state)
                return .string("")
            }
        case "load_result":
            return .function(name) { [state] arguments, _ in
                guard state.isExecuting, let key = arguments.value(0, "name")?.str else { return .none }
                return state.results[key] ?? .none
            }
        default:
            return nil
        }
    }

    /// Keeps `{response, data, table}` under `name`, as dbt's result dict (`.data` the rows as tuples).
    private static func store(_ name: String, response: Value, table: Value, state: RenderState) {
        let data: Value
        if case .object(let result as ResultTable) = table { data = result.data } else { data = .list([]) }
        state.results[name] = .dict([("response", response), ("data", data), ("table", table)])
    }
}
