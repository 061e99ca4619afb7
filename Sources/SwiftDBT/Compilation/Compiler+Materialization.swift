import Jinja

/// What a materialization macro built: the relations it returned and what the database said of its
/// `main` statement (nil when it ran none), with the rows that statement fetched (a test's result row).
struct MaterializationOutcome {
    var relations: [(name: RelationName, kind: RelationKind?)]
    var response: StatementStatus?
    var mainRows: [[Value]] = []
}

extension Compiler {
    /// Calls the materialization macro `macro` for `node` (compiled to `sql`) on `connection`, in the
    /// execute-phase context plus what dbt gives materializations: `sql`/`compiled_code`,
    /// `pre_hooks`/`post_hooks` and `run_hooks(hooks, inside_transaction)`, which `runHooks` runs, and
    /// an `adapter.commit()` that calls `commit`. A failing statement fails it with the database's error, any other
    /// failure with a compilation error at the template's line, as in dbt.
    ///
    /// A seed's macro also gets `load_agate_table()`, the seed's CSV as a ``SeedTable`` (its header read and its
    /// types inferred before the macro runs, so a bad file fails with its own line).
    ///
    /// The macro returns `{'relations': [...]}`; one that returns nothing built `this` (as dbt still accepts).
    func materialize(_ node: ProjectNode, with macro: MacroEntry, sql: String, on connection: any DatabaseConnection,
                     commit: @escaping () throws -> Void,
                     runHooks: @escaping (_ hooks: ConfigValue, _ insideTransaction: Bool) throws -> Void) throws -> MaterializationOutcome {
        let state = RenderState(session: session, node: node, phase: .compile(resolver), incremental: isIncremental(node),
                                runtime: runtime, connection: connection, flags: flags)
        state.empty = empty
        state.materializationCommit = commit
        let hooks = { (key: String) -> Value in .list(Hooks.entries(node.config[key]).map {
            .dict([("sql", .string($0.sql)), ("transaction", .bool($0.transactional))])
        }) }
        state.materializationContext = [
            "sql": .string(sql),
            "compiled_code": .string(sql),
            "pre_hooks": hooks("pre_hook"),
            "post_hooks": hooks("post_hook"),
            "run_hooks": .function("run_hooks") { arguments, _ in
                let bound = try arguments.bind("run_hooks", ["hooks", "inside_transaction"], defaults: ["inside_transaction": .bool(true)])
                do {
                    try runHooks(try ConfigValue(bound[0]), bound[1].isTruthy)
                } catch let error as DBTError {
                    state.databaseError = error
                    throw error
                }
                return .string("")
            },
        ]
        if node.resourceType == .seed {
            let table = SeedTable(try SeedSource(node, dialect: session.dialect), state: state)
            state.materializationContext["load_agate_table"] = .function("load_agate_table") { _, _ in .object(table) }
        }
        let returned: Value
        do {
            returned = try session.templates.call(macro.definition, Arguments([]), globals: state.scope(for: macro.packageName))
        } catch let error as TemplateError {
            // A statement that failed is the database's error, as dbt reports it; anything else the template's.
            if let failure = state.databaseError { throw failure }
            throw DBTError(template: error, path: macro.definition.templateName, kind: .compilation)
        }
        var mainRows: [[Value]] = []
        if case .dict(let result)? = state.results["main"], case .object(let table as ResultTable)? = result["table"] {
            mainRows = table.rows
        }
        return MaterializationOutcome(relations: try Compiler.builtRelations(returned, node: node, macro: macro),
                                      response: Compiler.mainResponse(state), mainRows: mainRows)
    }

    /// The SQL of incremental strategy `strategy` (a project's, or a built-in one whose macros something overrides)
    /// for the built-in incremental materialization: what its macro `get_incremental_<strategy>_sql(arg_dict)`
    /// returns, called with dbt's `arg_dict`.
    func incrementalStrategySQL(_ node: ProjectNode, strategy: String, target: RelationName, staged: RelationName,
                                columns: [DatabaseColumn], on connection: any DatabaseConnection) throws -> String {
        let macroName = BuiltinIncrementalStrategies.macroName(strategy)
        guard let macro = session.macros.resolve(macroName, from: node.packageName) else {
            throw DBTError(.execution, "incremental strategy '\(strategy)' is not supported: it is not built in (append, "
                           + "delete+insert, merge) and there is no macro \(macroName)", at: node.definedAt)
        }
        let state = RenderState(session: session, node: node, phase: .compile(resolver), incremental: true,
                                runtime: runtime, connection: connection, flags: flags)
        let relation = { (name: RelationName) in
            Value.object(RelationObject(name, kind: RelationKind.table.rawValue, dialect: self.session.dialect,
                                        texts: self.session.relationTexts))
        }
        let arguments = Value.dict([
            ("target_relation", relation(target)),
            ("temp_relation", relation(staged)),
            ("unique_key", node.config["unique_key"]?.jinjaValue ?? .none),
            ("dest_columns", .list(columns.map { .object(ColumnObject($0, dialect: session.dialect)) })),
            ("incremental_predicates", node.config["incremental_predicates"]?.jinjaValue ?? .none),
        ])
        do {
            return try session.templates.call(macro.definition, Arguments([arguments]), globals: state.scope(for: macro.packageName)).str
        } catch let error as TemplateError {
            throw DBTError(template: error, path: macro.definition.templateName, kind: .execution)
        }
    }

    /// The `main` statement's response (dbt's `adapter_response`), if the macro ran one; a response stored
    /// without a row count (`store_raw_result`, `noop_statement`) has none, as in dbt.
    private static func mainResponse(_ state: RenderState) -> StatementStatus? {
        guard case .dict(let result)? = state.results["main"], let response = result["response"] else { return nil }
        guard case .object(let reported as StatementResponse) = response else {
            return StatementStatus(message: response.str, code: nil, rowsAffected: -1)
        }
        return StatementStatus(message: reported.message, code: reported.code, rowsAffected: reported.rowsAffected)
    }

    /// The relations in a materialization's `{'relations': [...]}`.
    private static func builtRelations(_ returned: Value, node: ProjectNode,
                                       macro: MacroEntry) throws -> [(name: RelationName, kind: RelationKind?)] {
        guard case .dict(let pairs) = returned else {
            return node.relation.map { [($0, nil)] } ?? []
        }
        guard case .list(let items)? = pairs["relations"] else {
            throw DBTError(.execution, "materialization \(macro.name) must return {'relations': [...]}, a list of the relations it built",
                           at: FileLocation(path: macro.definition.templateName, line: macro.definition.location.line,
                                            column: macro.definition.location.column))
        }
        return try items.items.map { item in
            guard case .object(let relation as RelationObject) = item else {
                throw DBTError(.execution, "materialization \(macro.name) returned \(item.repr) among its relations, not a relation")
            }
            return (relation.name, relation.kind.flatMap(RelationKind.init(rawValue:)))
        }
    }
}
