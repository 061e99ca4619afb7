extension Materializer {
    /// Builds one batch of a microbatch model from `sql` (the model compiled for `window`): the first batch
    /// of a first run or a full refresh creates the table; any other replaces the batch's rows in it
    /// (`batchStatements`, or on PostgreSQL, once a project overrides a strategy macro, the adapter's
    /// `get_incremental_microbatch_sql` macro they stand for; dbt-sqlite's materialization calls no strategy macro).
    func buildBatch(_ node: ProjectNode, sql: String, window: MicrobatchWindow, plan: MicrobatchPlan, first: Bool) throws {
        guard let relation = node.relation else { throw DBTError(.execution, "\(node.name) has no relation to build") }
        try dialect.checkNameLengths(relation)
        try relations.load([relation.schema ?? ""], from: connection)
        guard relations.kind(of: relation) == .table, !(first && fullRefresh && node.config["full_refresh"]?.boolValue != false) else {
            try replace(relation, kind: .table) { _ = try create(.table, $0, sql) }
            return
        }
        let byMacro = dialect.microbatchMergesOnKey && !strategiesInSwift
        if !byMacro, dialect.microbatchMergesOnKey, (node.config["unique_key"]?.stringList ?? []).isEmpty {
            throw DBTError(.execution, "dbt-postgres 'microbatch' requires a `unique_key` config", at: node.definedAt)
        }
        try foldIn(node, relation, sql: sql) { staged, columns in
            if byMacro { return [try customStrategy("microbatch", relation, staged, columns)] }
            return batchStatements(node, target: relation, staged: staged, columns: columns, window: window, plan: plan)
        }
    }

    /// The statements replacing a batch's rows, as each adapter replaces them: dbt-postgres merges the batch on the
    /// model's `unique_key` (which it requires); dbt-sqlite deletes the rows whose `unique_key` is in the batch and
    /// inserts the batch. Without a `unique_key` (where dbt-sqlite appends, duplicating a window built twice) the
    /// rows of the batch's window are deleted before the insert.
    func batchStatements(_ node: ProjectNode, target: RelationName, staged: RelationName, columns: [String],
                         window: MicrobatchWindow, plan: MicrobatchPlan) -> [String] {
        let keys = node.config["unique_key"]?.stringList ?? []
        let statements = IncrementalSQL(dialect: dialect, target: target, staged: staged, columns: columns, uniqueKey: keys,
                                        predicates: node.config["incremental_predicates"]?.stringList ?? [],
                                        usesMerge: dialect.supportsMerge(serverVersion: connection.serverVersion))
        if dialect.microbatchMergesOnKey { return statements.merge(updateColumns: columns) }
        if !keys.isEmpty { return statements.deleteInsert() }
        return ["delete from \(dialect.render(target)) where \(window.filter(plan.eventTime))"] + statements.append()
    }
}
