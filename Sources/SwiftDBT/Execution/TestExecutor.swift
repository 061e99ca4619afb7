import Jinja

/// Runs a data test: counts the rows its SQL returns and judges them by `severity`,
/// `warn_if` and `error_if`; saves failing rows when `store_failures` is on.
struct TestExecutor {
    let connection: any DatabaseConnection
    let dialect: any Dialect

    /// How a test came out: `pass`, `warn` or `fail`, with dbt's message.
    struct Result {
        var status: NodeStatus
        var failures: Int
        var message: String
        /// Where the failing rows were saved (`store_failures`).
        var storedFailures: RelationName?
        /// What the database said of the test's query.
        var response: StatementStatus
    }

    func run(_ node: ProjectNode, sql: String, auditSchema: String?) throws -> Result {
        let config = node.config
        let warnText = config["warn_if"]?.stringValue ?? "!= 0"
        let errorText = config["error_if"]?.stringValue ?? "!= 0"
        let warnIf = try TestExecutor.condition(warnText, node)
        let errorIf = try TestExecutor.condition(errorText, node)
        let limit = config["limit"].flatMap { value -> Int? in
            if case .int(let n) = value { return n }
            return value.scalarString.flatMap(Int.init)
        }
        let fail = config["fail_calc"]?.stringValue ?? "count(*)"
        let inner = limit.map { "\(sql)\nlimit \($0)" } ?? sql
        let wrapped = """
        select
            \(fail) as failures,
            case when \(fail) \(warnIf) then 1 else 0 end as should_warn,
            case when \(fail) \(errorIf) then 1 else 0 end as should_error
        from (
        \(inner)
        ) dbt_internal_test
        """
        var stored: RelationName?
        if let kind = try TestExecutor.storage(node), let auditSchema {
            stored = try storeFailures(node, sql: inner, schema: auditSchema, kind: kind)
        }
        let (response, rows) = try connection.run(wrapped, fetch: true, limit: 1)
        let row = rows.rows.first ?? []
        return TestExecutor.judge(node, failures: Int(row.first?.integer ?? 0), shouldWarn: row.count > 1 && row[1].integer == 1,
                                  shouldError: row.count > 2 && row[2].integer == 1, response: response, stored: stored)
    }

    /// The outcome of a test whose query found `failures` and decided `shouldWarn` and `shouldError`: an error-severity
    /// test fails on `error_if`, any test warns on `warn_if`, as in dbt.
    static func judge(_ node: ProjectNode, failures: Int, shouldWarn: Bool, shouldError: Bool, response: StatementStatus,
                      stored: RelationName?) -> Result {
        let config = node.config
        let results = "\(failures) result\(failures == 1 ? "" : "s")"
        if (config["severity"]?.stringValue ?? "error").lowercased() == "error" && shouldError {
            let errorText = config["error_if"]?.stringValue ?? "!= 0"
            return Result(status: .fail, failures: failures, message: "Got \(results), configured to fail if \(errorText)",
                          storedFailures: stored, response: response)
        }
        if shouldWarn {
            let warnText = config["warn_if"]?.stringValue ?? "!= 0"
            return Result(status: .warn, failures: failures, message: "Got \(results), configured to warn if \(warnText)",
                          storedFailures: stored, response: response)
        }
        return Result(status: .pass, failures: failures, message: "PASS", storedFailures: stored, response: response)
    }

    /// The outcome of a test from the row its materialization's `main` statement fetched: (failures, should_warn,
    /// should_error), the verdicts as booleans (PostgreSQL), 1 or 0 (SQLite) or dbt-sqlite's 'true' or 'false'.
    static func judge(_ node: ProjectNode, row: [Value], response: StatementStatus, stored: RelationName?) -> Result {
        func verdict(_ index: Int) -> Bool {
            guard row.indices.contains(index) else { return false }
            switch row[index] {
            case .string(let text): return text.lowercased() == "true"
            default: return row[index].isTruthy
            }
        }
        let failures: Int
        switch row.first {
        case .int(let count)?: failures = count
        case .float(let count)?: failures = Int(count)
        case .string(let text)?: failures = Int(text) ?? 0
        default: failures = 0
        }
        return judge(node, failures: failures, shouldWarn: verdict(1), shouldError: verdict(2), response: response, stored: stored)
    }

    /// How a test keeps its failing rows, if it does: `store_failures_as` (`table`, `view`; `ephemeral` keeps none)
    /// decides when set, else `store_failures` keeps them as a table, as dbt resolves the two.
    static func storage(_ node: ProjectNode) throws -> RelationKind? {
        guard let storeAs = node.config["store_failures_as"]?.stringValue else {
            return node.config["store_failures"]?.boolValue == true ? .table : nil
        }
        switch storeAs {
        case "ephemeral": return nil
        case "table": return .table
        case "view": return .view
        default:
            throw DBTError(.project, "'\(storeAs)' is not a valid value for `store_failures_as`. "
                           + "Accepted values are: ['ephemeral', 'table', 'view']", at: node.definedAt)
        }
    }

    /// `warn_if`/`error_if` such as `>10` or `!= 0`: an operator and a number, nothing else.
    static func condition(_ text: String, _ node: ProjectNode) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let operators = [">=", "<=", "!=", "<>", "==", ">", "<", "="]
        guard let op = operators.first(where: trimmed.hasPrefix) else {
            throw DBTError(.project, "warn_if/error_if must look like '> 10' or '!= 0', not '\(text)'", at: node.definedAt)
        }
        let number = trimmed.dropFirst(op.count).trimmingCharacters(in: .whitespaces)
        guard !number.isEmpty, Double(number) != nil else {
            throw DBTError(.project, "warn_if/error_if must compare with a number, not '\(text)'", at: node.definedAt)
        }
        return "\(op == "==" ? "=" : op) \(number)"
    }

    /// Where a test's failing rows are saved: `<schema>_dbt_test__audit.<alias>` (a test's alias is its name, or
    /// the short hashed name dbt gives one too long to file), as dbt names it.
    static func auditRelation(_ node: ProjectNode, schema: String) -> RelationName {
        RelationName(database: nil, schema: schema, identifier: String((node.config["alias"]?.stringValue ?? node.name).prefix(63)))
    }

    /// Saves the failing rows in `auditRelation`, as a table or a view, replacing the last run's.
    private func storeFailures(_ node: ProjectNode, sql: String, schema: String, kind: RelationKind) throws -> RelationName {
        let relation = TestExecutor.auditRelation(node, schema: schema)
        try connection.createSchema(schema)
        let existing = try connection.relations(inSchemas: [schema])[relation]
        if let existing { try connection.execute(dialect.drop(relation, kind: existing)) }
        try connection.execute(kind == .view ? dialect.createViewAs(relation, sql) : dialect.createTableAs(relation, sql))
        return relation
    }
}
