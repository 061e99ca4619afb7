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
        let (response, rows) = try connection.run(wrapped, fetch: true, limit: 1)
        let row = rows.rows.first ?? []
        let failures = Int(row.first?.integer ?? 0)
        let shouldWarn = (row.count > 1 ? row[1].integer : nil) == 1
        let shouldError = (row.count > 2 ? row[2].integer : nil) == 1
        var stored: RelationName?
        if config["store_failures"]?.boolValue == true, let auditSchema {
            stored = try storeFailures(node, sql: inner, schema: auditSchema)
        }
        let results = "\(failures) result\(failures == 1 ? "" : "s")"
        // dbt: an error-severity test fails on `error_if`, any test warns on `warn_if`.
        if (config["severity"]?.stringValue ?? "error").lowercased() == "error" && shouldError {
            return Result(status: .fail, failures: failures, message: "Got \(results), configured to fail if \(errorText)",
                          storedFailures: stored, response: response)
        }
        if shouldWarn {
            return Result(status: .warn, failures: failures, message: "Got \(results), configured to warn if \(warnText)",
                          storedFailures: stored, response: response)
        }
        return Result(status: .pass, failures: failures, message: "PASS", storedFailures: stored, response: response)
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

    /// Saves the failing rows in `auditRelation`, replacing the last run's.
    private func storeFailures(_ node: ProjectNode, sql: String, schema: String) throws -> RelationName {
        let relation = TestExecutor.auditRelation(node, schema: schema)
        try connection.createSchema(schema)
        try connection.execute(dialect.drop(relation, kind: .table))
        try connection.execute(dialect.createTableAs(relation, sql))
        return relation
    }
}
