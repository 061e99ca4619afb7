/// Builds models: tables (and views, where the database can rename them) under a temporary name swapped
/// in inside one transaction, incremental models by strategy (see `IncrementalSQL`). A model whose SQL,
/// post-hooks or grants fail leaves its previous relation untouched.
struct Materializer {
    let connection: any DatabaseConnection
    let dialect: any Dialect
    let relations: RelationCache
    let fullRefresh: Bool
    /// Runs inside the transaction that puts a built relation in place, after it is there: post-hooks
    /// and grants. Its argument says whether the relation kept its previous contents (an incremental
    /// run), so privileges granted before may need revoking.
    var finishing: (_ relation: RelationName, _ incrementalRun: Bool) throws -> Void = { _, _ in }
    /// Runs first inside each transaction that builds a relation: a microbatch model's first batch runs its pre-hooks there.
    var starting: () throws -> Void = {}
    /// Whether a microbatch batch's statements are written here (`batchStatements`) rather than by the adapter's
    /// `get_incremental_microbatch_sql`: nothing overrides the built-in incremental materialization's macros.
    var strategiesInSwift = true
    /// The SQL of a project's incremental strategy from its macro `get_incremental_<strategy>_sql`, given the target,
    /// the staged batch and the columns to insert.
    var customStrategy: (_ strategy: String, _ target: RelationName, _ staged: RelationName, _ columns: [String]) throws -> String
        = { strategy, _, _, _ in throw DBTError(.execution, "incremental strategy '\(strategy)' is not supported") }

    /// For a model whose contract is enforced: the SQL creating a table or view from the model's SQL
    /// (the adapter's contract macros, which check its columns first), in place of the dialect's.
    var contractedCreate: ((_ kind: RelationKind, _ relation: RelationName, _ sql: String) throws -> String)?

    /// Whether `is_incremental()` holds for `node`: an existing table, no full refresh.
    static func isIncremental(_ node: ProjectNode, relations: RelationCache, fullRefresh: Bool) -> Bool {
        guard node.config.materialized == "incremental", let relation = node.relation else { return false }
        return relations.kind(of: relation) == .table && !refreshes(node, fullRefresh)
    }

    private static func refreshes(_ node: ProjectNode, _ fullRefresh: Bool) -> Bool {
        fullRefresh && node.config["full_refresh"]?.boolValue != false
    }

    /// Builds `node` from its compiled SQL; returns what the database said of its main statement (dbt's
    /// adapter response: `OK` on SQLite, `SELECT 3` or `CREATE VIEW` on PostgreSQL).
    func build(_ node: ProjectNode, sql: String) throws -> StatementStatus {
        guard let relation = node.relation else { throw DBTError(.execution, "\(node.name) has no relation to build") }
        try dialect.checkNameLengths(relation)
        try relations.load([relation.schema ?? ""], from: connection)
        switch node.config.materialized {
        case "view":
            return try buildView(relation, sql: sql)
        case "table":
            var status = Materializer.unreported
            try replace(relation, kind: .table) { status = try create(.table, $0, sql) }
            return status
        case "incremental":
            return try incremental(node, relation, sql: sql)
        default:
            throw DBTError(.execution, "materialization '\(node.config.materialized)' is not supported", at: node.definedAt)
        }
    }

    /// What a database that reports nothing of a statement says (dbt-sqlite's response).
    static let unreported = StatementStatus(message: "OK", code: nil, rowsAffected: -1)

    /// Runs a node's main statement, keeping what the database said of it.
    private func main(_ sql: String) throws -> StatementStatus {
        try connection.run(sql, fetch: false, limit: nil).status
    }

    /// Builds under `<name>__dbt_tmp`, swaps it in and drops the old relation, all in one transaction: a
    /// failure, or a killed process (whose transaction the database rolls back), leaves no `__dbt_tmp`
    /// and the old relation as it was. `create` runs inside that transaction.
    func replace(_ relation: RelationName, kind: RelationKind, create: (RelationName) throws -> Void) throws {
        let temporary = dialect.suffixed(relation, "__dbt_tmp")
        let backup = dialect.suffixed(relation, "__dbt_backup")
        let existing = relations.kind(of: relation)
        try transaction {
            // Left by a run of an older swiftdbt, which built them outside the transaction.
            for leftover in [temporary, backup] {
                if let found = relations.kind(of: leftover) { try connection.execute(dialect.drop(leftover, kind: found)) }
            }
            try create(temporary)
            if let existing {
                if existing == .table {
                    try connection.execute(dialect.rename(relation, to: backup.identifier, kind: .table))
                } else {
                    try connection.execute(dialect.drop(relation, kind: existing))
                }
            }
            try connection.execute(dialect.rename(temporary, to: relation.identifier, kind: kind))
            try finishing(relation, false)
            if existing == .table { try connection.execute(dialect.drop(backup, kind: .table)) }
        }
        for leftover in [temporary, backup] { relations.set(leftover, nil) }
        relations.set(relation, kind)
    }

    private func buildView(_ relation: RelationName, sql: String) throws -> StatementStatus {
        var status = Materializer.unreported
        let createView = { (view: RelationName) throws in
            status = try self.create(.view, view, sql)
            // Some databases (SQLite) accept a view over tables that do not exist: resolve its columns so a
            // broken view fails here, before it replaces the old one. (Not a `select` from it: SQLite plans
            // a query over a chain of n views in far more than n steps.)
            _ = try connection.columns(of: view)
        }
        if dialect.canRenameViews {
            try replace(relation, kind: .view, create: createView)
        } else {
            try replaceUnrenamableView(relation, sql: sql, create: createView)
        }
        return status
    }

    /// Where views cannot be renamed (SQLite), the view is created under its own name inside the transaction
    /// that drops the old relation, so a failure rolls back to it. No temporary view: dropping one makes
    /// SQLite forget the columns of every view, and recompute them down the whole chain at the next check.
    /// For the same reason a view whose stored definition is already the new one is kept (still checked;
    /// its hooks still run).
    private func replaceUnrenamableView(_ relation: RelationName, sql: String,
                                        create: (RelationName) throws -> Void) throws {
        let existing = relations.kind(of: relation)
        let unchanged = try existing == .view && connection.isView(relation, createdBy: dialect.createViewAs(relation, sql))
        try transaction {
            if unchanged {
                _ = try connection.columns(of: relation)
            } else {
                if let existing { try connection.execute(dialect.drop(relation, kind: existing)) }
                try create(relation)
            }
            try finishing(relation, false)
        }
        relations.set(relation, .view)
    }

    /// Runs the statement that creates `relation` and returns what the database said of it; a contract's
    /// DDL (a `create` and an `insert`) reports nothing.
    func create(_ kind: RelationKind, _ relation: RelationName, _ sql: String) throws -> StatementStatus {
        if let contractedCreate {
            try connection.execute(try contractedCreate(kind, relation, sql))
            return Materializer.unreported
        }
        return try main(kind == .table ? dialect.createTableAs(relation, sql) : dialect.createViewAs(relation, sql))
    }

    func transaction(_ body: () throws -> Void) throws {
        try connection.begin()
        do {
            try starting()
            try body()
            try connection.commit()
        } catch {
            try? connection.rollback()
            throw error
        }
    }

    // MARK: Incremental

    private func incremental(_ node: ProjectNode, _ relation: RelationName, sql: String) throws -> StatementStatus {
        var status = Materializer.unreported
        guard relations.kind(of: relation) == .table, !Materializer.refreshes(node, fullRefresh) else {
            try replace(relation, kind: .table) { status = try create(.table, $0, sql) }
            return status
        }
        return try foldIn(node, relation, sql: sql) { staged, columns in
            try statements(node, target: relation, staged: staged, columns: columns)
        }
    }

    /// Stages `sql` as `<name>__dbt_tmp`, applies `on_schema_change` and runs `statements` (given the staged
    /// relation and the columns to insert) on the existing table `relation`, all in one transaction, so no
    /// `__dbt_tmp` outlives it and a failure leaves the table as it was. Returns what the database said of the
    /// last statement.
    @discardableResult
    func foldIn(_ node: ProjectNode, _ relation: RelationName, sql: String,
                statements: (_ staged: RelationName, _ columns: [String]) throws -> [String]) throws -> StatementStatus {
        let staged = dialect.suffixed(relation, "__dbt_tmp")
        var status = Materializer.unreported
        try transaction {
            if let leftover = relations.kind(of: staged) { try connection.execute(dialect.drop(staged, kind: leftover)) }
            _ = try create(.table, staged, sql)
            try expandColumns(node, target: relation, staged: staged)
            // Column changes and new rows commit together: a failed insert leaves the old columns.
            let columns = try reconcileColumns(node, target: relation, staged: staged)
            for statement in try statements(staged, columns) {
                status = try main(statement)
            }
            try finishing(relation, true)
            try connection.execute(dialect.drop(staged, kind: .table))
        }
        relations.set(staged, nil)
        return status
    }

    /// The statements of the model's `incremental_strategy` (dbt's default: delete+insert with a
    /// `unique_key`, append without; another strategy is its macro's).
    func statements(_ node: ProjectNode, target: RelationName, staged: RelationName, columns: [String]) throws -> [String] {
        let strategy = node.config["incremental_strategy"]?.stringValue ?? "default"
        guard BuiltinIncrementalStrategies.strategies.contains(strategy) else {
            return [try customStrategy(strategy, target, staged, columns)]
        }
        let keys = node.config["unique_key"]?.stringList ?? []
        let sql = IncrementalSQL(dialect: dialect, target: target, staged: staged, columns: columns, uniqueKey: keys,
                                 predicates: node.config["incremental_predicates"]?.stringList ?? [],
                                 usesMerge: dialect.supportsMerge(serverVersion: connection.serverVersion))
        switch strategy {
        case "append":
            return sql.append()
        case "delete+insert", "default":
            return keys.isEmpty ? sql.append() : sql.deleteInsert()
        case "merge":
            let lowered = Set(columns.map { $0.lowercased() })
            let excluded = Set((node.config["merge_exclude_columns"]?.stringList ?? []).map { $0.lowercased() })
            let update = node.config["merge_update_columns"]?.stringList.filter { lowered.contains($0.lowercased()) }
                ?? columns.filter { !excluded.contains($0.lowercased()) }
            return sql.merge(updateColumns: update)
        default:
            return [try customStrategy(strategy, target, staged, columns)]
        }
    }

    /// `adapter.expand_target_column_types(staged, target)` as dbt's incremental materialization calls it when the
    /// model's contract is not enforced: the target's string columns widened to the staged rows' (PostgreSQL).
    private func expandColumns(_ node: ProjectNode, target: RelationName, staged: RelationName) throws {
        guard dialect.widensStringColumns, !node.config.contractEnforced else { return }
        let described = { (relation: RelationName) in try connection.columns(of: relation).map { ColumnObject($0, dialect: dialect) } }
        for statement in try ColumnObject.widening(try described(target), to: try described(staged), of: dialect.render(target),
                                                   dialect: dialect) {
            try connection.execute(statement)
        }
    }

    /// Gives the columns of `target` whose type differs from `incoming`'s that type (`sync_all_columns`, where
    /// the dialect changes column types).
    private func changeColumnTypes(target: RelationName, to incoming: [DatabaseColumn]) throws {
        guard dialect.changesColumnTypes else { return }
        let described = { (columns: [DatabaseColumn]) in columns.map { ColumnObject($0, dialect: dialect) } }
        for change in try ColumnObject.typeChanges(described(try connection.columns(of: target)), to: described(incoming)) {
            for statement in ColumnObject.retyping(change.column, to: change.type, of: dialect.render(target), dialect: dialect) {
                try connection.execute(statement)
            }
        }
    }

    /// Applies `on_schema_change` (its value checked when the project loads) and returns the columns to insert.
    private func reconcileColumns(_ node: ProjectNode, target: RelationName, staged: RelationName) throws -> [String] {
        let existing = try connection.columns(of: target)
        let incoming = try connection.columns(of: staged)
        let existingNames = Set(existing.map { $0.name.lowercased() })
        let incomingNames = Set(incoming.map { $0.name.lowercased() })
        let added = incoming.filter { !existingNames.contains($0.name.lowercased()) }
        let removed = existing.filter { !incomingNames.contains($0.name.lowercased()) }
        switch node.config.onSchemaChange {
        case .ignore:
            return existing.filter { incomingNames.contains($0.name.lowercased()) }.map(\.name)
        case .fail:
            guard added.isEmpty && removed.isEmpty else {
                throw SchemaChangeFailure.error(node, added: added.map { ColumnObject($0, dialect: dialect).display },
                                                removed: removed.map { ColumnObject($0, dialect: dialect).display })
            }
            return existing.map(\.name)
        case .appendNewColumns:
            for column in added { try connection.execute(dialect.addColumn(target, column)) }
            return incoming.map(\.name)
        case .syncAllColumns:
            for column in added { try connection.execute(dialect.addColumn(target, column)) }
            for column in removed { try connection.execute(dialect.dropColumn(target, column.name)) }
            try changeColumnTypes(target: target, to: incoming)
            return incoming.map(\.name)
        }
    }
}
