import Jinja

/// `adapter`'s methods that reach the database, named as dbt-adapters 1.x names them. They
/// answer from the run's relation cache where it knows, keep it current when they change the
/// database, and return none (or an empty list) for a relation that does not exist. While
/// parsing, they return what dbt returns then: none, an empty list, false.
extension AdapterObject {
    func databaseAttribute(_ name: String) -> Value? {
        let state = self.state
        let dialect = state.session.dialect
        // While parsing, methods that need the database answer as dbt's do then, without connecting.
        let whileParsing = AdapterObject.parseAnswer(name, log: state.session.log)
        func method(_ body: @escaping (Arguments) throws -> Value) -> Value {
            .function(name) { arguments, _ in
                if !state.isExecuting, let whileParsing { return whileParsing }
                return try body(arguments)
            }
        }
        switch name {
        case "Relation": return .object(RelationFactory(dialect: dialect))
        case "Column": return .object(ColumnFactory(dialect: dialect))
        case "get_relation":
            return method { arguments in
                let bound = try arguments.bind(name, ["database", "schema", "identifier"])
                return try self.relation(RelationName(database: Self.text(bound[0]), schema: Self.text(bound[1]),
                                                      identifier: bound[2].str))
            }
        case "load_relation", "load_cached_relation":
            return method { arguments in
                guard let relation = Self.relationArgument(arguments.value(0, "relation")) else { return .none }
                return try self.relation(relation.name)
            }
        case "already_exists":
            return method { arguments in
                let bound = try arguments.bind(name, ["schema", "name"])
                let found = try self.relation(RelationName(database: nil, schema: Self.text(bound[0]), identifier: bound[1].str))
                return .bool(!found.isNone)
            }
        case "get_columns_in_relation":
            return method { arguments in
                guard let relation = Self.relationArgument(arguments.value(0, "relation")) else { return .list([]) }
                // A relation rendered without its schema (Spark's session-scoped temporary view) is looked up as rendered.
                if !relation.includes.schema {
                    let unqualified = RelationName(database: nil, schema: nil, identifier: relation.name.identifier)
                    return .list(try state.withDatabase { try $0.columns(of: unqualified) }
                        .map { .object(ColumnObject($0, dialect: dialect)) })
                }
                return .list(try self.columns(relation.name).map { .object($0) })
            }
        case "get_missing_columns":
            return method { arguments in
                let bound = try arguments.bind(name, ["from_relation", "to_relation"])
                guard let from = Self.relationArgument(bound[0]), let to = Self.relationArgument(bound[1]) else {
                    return .list([])
                }
                let present = Set(try self.columns(to.name).map { $0.name.lowercased() })
                return .list(try self.columns(from.name).filter { !present.contains($0.name.lowercased()) }.map { .object($0) })
            }
        case "get_column_schema_from_query":
            // dbt-adapters: the columns of a query's result, typed by the adapter's labels (STRING as TEXT).
            return method { arguments in
                let sql = try arguments.bind(name, ["sql"])[0].str
                let result = try state.withDatabase { try $0.query(sql, limit: 0) }
                return .list(result.columns.enumerated().map { index, column in
                    let label = index < result.columnTypes.count ? result.columnTypes[index] : ""
                    return .object(ColumnObject(name: column, dtype: ColumnObject.translate(label), dialect: dialect))
                })
            }
        case "list_schemas":
            return method { _ in
                .list(try state.withDatabase { try $0.listSchemas() }.map(Value.string))
            }
        case "check_schema_exists":
            return method { arguments in
                let bound = try arguments.bind(name, ["database", "schema"])
                return .bool(try self.schemaExists(bound[1].str))
            }
        case "list_relations_without_caching":
            return method { arguments in
                guard let schema = Self.relationArgument(arguments.value(0, "schema_relation"))?.name.schema,
                      try self.schemaExists(schema) else { return .list([]) }
                let found = try state.withDatabase { try $0.relations(inSchemas: [schema]) }
                return .list(found.sorted { $0.key.identifier < $1.key.identifier }.map { relation, kind in
                    .object(RelationObject(self.named(relation), kind: kind.rawValue, dialect: dialect))
                })
            }
        case "create_schema":
            return method { arguments in
                guard let schema = Self.relationArgument(arguments.value(0, "relation"))?.name.schema else {
                    throw TemplateError(.invalidArgument, "adapter.create_schema() needs a relation with a schema")
                }
                // Schemas change outside a transaction: SQLite cannot attach or detach a database inside one.
                try state.runtime?.commit()
                try state.withDatabase { try $0.createSchema(schema) }
                return .none
            }
        case "drop_schema":
            return method { arguments in
                guard let schema = Self.relationArgument(arguments.value(0, "relation"))?.name.schema else {
                    throw TemplateError(.invalidArgument, "adapter.drop_schema() needs a relation with a schema")
                }
                // Schemas change outside a transaction: SQLite cannot attach or detach a database inside one.
                try state.runtime?.commit()
                try state.withDatabase { try $0.dropSchema(schema) }
                state.runtime?.relations.forgetSchema(schema)
                return .none
            }
        case "drop_relation":
            return method { arguments in
                guard let relation = Self.relationArgument(arguments.value(0, "relation")) else { return .none }
                guard let kind = try self.kind(of: relation) else { return .none }
                try state.withDatabase { try $0.execute(dialect.drop(relation.name, kind: kind)) }
                state.runtime?.relations.set(relation.name, nil)
                return .none
            }
        case "truncate_relation":
            return method { arguments in
                guard let relation = Self.relationArgument(arguments.value(0, "relation")) else { return .none }
                try state.withDatabase { try $0.execute(dialect.truncate(relation.name)) }
                return .none
            }
        case "rename_relation":
            return method { arguments in
                let bound = try arguments.bind(name, ["from_relation", "to_relation"])
                guard let from = Self.relationArgument(bound[0]), let to = Self.relationArgument(bound[1]) else {
                    throw TemplateError(.invalidArgument, "adapter.rename_relation() needs two relations")
                }
                guard let kind = try self.kind(of: from) else {
                    throw TemplateError(.raised, "cannot rename \(from.display): it does not exist")
                }
                try state.withDatabase { try $0.execute(dialect.rename(from.name, to: to.name.identifier, kind: kind)) }
                state.runtime?.relations.set(from.name, nil)
                var renamed = from.name
                renamed.identifier = to.name.identifier
                state.runtime?.relations.set(renamed, kind)
                return .none
            }
        case "execute":
            return method { arguments in
                let bound = try arguments.bind(name, ["sql", "auto_begin", "fetch", "limit"],
                                               defaults: ["auto_begin": .bool(false), "fetch": .bool(false), "limit": .none])
                return try self.execute(bound[0].str, autoBegin: bound[1].isTruthy, fetch: bound[2].isTruthy,
                                        limit: { if case .int(let i) = bound[3] { return i } else { return nil } }())
            }
        case "commit":
            return method { _ in
                if let commit = state.materializationCommit {
                    do {
                        try commit()
                    } catch let error as DBTError {
                        throw TemplateError(.raised, error.message)
                    }
                } else {
                    try state.runtime?.commit()
                }
                return .none
            }
        case "quote_as_configured":
            return method { arguments in
                let bound = try arguments.bind(name, ["identifier", "quote_key"])
                // Every adapter quotes every part of a name (README: relation names).
                return .string(dialect.quote(bound[0].str))
            }
        case "convert_type":
            // A seed's column type: the adapter's for what was inferred, or the `column_types` config's.
            return method { arguments in
                let bound = try arguments.bind(name, ["agate_table", "col_idx"])
                guard case .object(let table as SeedTable) = bound[0], case .int(let index) = bound[1] else {
                    throw TemplateError(.invalidArgument, "adapter.convert_type() takes a seed's table and a column index")
                }
                return .string(try table.columnType(index))
            }
        case "quote_seed_column":
            return method { arguments in
                let bound = try arguments.bind(name, ["column", "quote_config"], defaults: ["quote_config": .none])
                switch bound[1] {
                case .none, .bool(true): return .string(dialect.quote(bound[0].str))
                case .bool(false): return bound[0]
                default: throw TemplateError(.invalidArgument, "the seed config 'quote_columns' must be true or false, not \(bound[1].repr)")
                }
            }
        case "expand_target_column_types":
            return method { arguments in
                let bound = try arguments.bind(name, ["from_relation", "to_relation"])
                guard let from = Self.relationArgument(bound[0]), let to = Self.relationArgument(bound[1]) else {
                    throw TemplateError(.invalidArgument, "adapter.expand_target_column_types() needs two relations")
                }
                if dialect.widensStringColumns { try self.widenStringColumns(of: to.name, toThoseOf: from.name) }
                return .none
            }
        case "supports_merge":
            // swiftdbt's: whether the connection's server runs `MERGE` (the dialect decides from its version,
            // which the connection knows without a query).
            return method { _ in
                if let connection = state.connection { return .bool(dialect.supportsMerge(serverVersion: connection.serverVersion)) }
                return .bool(try state.withDatabase { dialect.supportsMerge(serverVersion: $0.serverVersion) })
            }
        case "is_view_created_by":
            // swiftdbt's: whether `relation` is a view the database keeps as created by `statement`, so a view
            // materialization may keep it (SQLite; false where the database cannot tell).
            return method { arguments in
                let bound = try arguments.bind(name, ["relation", "statement"])
                guard let relation = Self.relationArgument(bound[0]) else { return .bool(false) }
                return .bool(try state.withDatabase { try $0.isView(relation.name, createdBy: bound[1].str) })
            }
        case "valid_incremental_strategies":
            // What dbt's adapter lists; the strategies swiftdbt runs are checked below.
            return method { _ in .list(dialect.validIncrementalStrategies.map(Value.string)) }
        case "get_incremental_strategy_macro":
            // As dbt: the macro `get_incremental_<strategy>_sql` the calling node sees, once a built-in
            // strategy is known to be one this adapter runs.
            return method { arguments in
                let requested = arguments.value(1, "strategy").flatMap { $0.isNone ? nil : $0.str } ?? "default"
                let builtin = ["append", "delete+insert", "merge", "insert_overwrite", "microbatch"]
                if builtin.contains(requested), !Self.incrementalStrategies.contains(requested),
                   !dialect.validIncrementalStrategies.contains(requested) {
                    throw TemplateError(.raised, "The incremental strategy '\(requested)' is not valid for this adapter")
                }
                let macroName = BuiltinIncrementalStrategies.macroName(requested)
                guard let macro = state.session.macros.resolve(macroName, from: state.node.packageName) else {
                    throw TemplateError(.raised, "there is no incremental strategy macro named '\(macroName)' in \(state.session.project.name)")
                }
                return .macro(macro.definition, globals: state.scope(for: macro.packageName))
            }
        default:
            return nil
        }
    }

    /// The incremental strategies swiftdbt runs on both adapters (SQLite's `merge` as an update and an insert), besides
    /// those the adapter lists (`microbatch` on PostgreSQL).
    private static let incrementalStrategies = ["append", "delete+insert", "merge"]

    /// What a method that needs the database returns while parsing (nil: the method needs none).
    private static func parseAnswer(_ name: String, log: @escaping @Sendable (String) -> Void) -> Value? {
        switch name {
        case "get_relation", "load_relation", "load_cached_relation", "create_schema", "drop_schema", "drop_relation",
             "truncate_relation", "rename_relation", "commit", "expand_target_column_types":
            return Value.none
        case "already_exists", "check_schema_exists", "is_view_created_by": return .bool(false)
        case "get_columns_in_relation", "get_missing_columns", "list_schemas", "list_relations_without_caching",
             "get_column_schema_from_query": return .list([])
        case "execute":
            return .tuple([.object(StatementResponse(message: "", code: nil, rowsAffected: nil)),
                           .object(ResultTable(QueryResult(columns: [], rows: []), log: log))])
        default: return nil
        }
    }

    /// `adapter.execute(sql, auto_begin=, fetch=)`: the response and the rows (empty unless fetched).
    private func execute(_ sql: String, autoBegin: Bool, fetch: Bool, limit: Int?) throws -> Value {
        let (status, rows) = try state.withDatabase(beginning: autoBegin) { try $0.run(sql, fetch: fetch, limit: limit) }
        let response = StatementResponse(message: status.message, code: status.code, rowsAffected: status.rowsAffected)
        return .tuple([.object(response), .object(ResultTable(rows, log: state.session.log))])
    }

    /// The relation `name` names, with its type, or none when it does not exist (or while parsing).
    private func relation(_ name: RelationName) throws -> Value {
        var located = name
        if located.schema == nil { located.schema = state.session.target.schema }
        guard let kind = try kind(of: located) else { return .none }
        return .object(RelationObject(named(located), kind: kind.rawValue, dialect: state.session.dialect))
    }

    /// Whether `relation` exists as a table or a view: from the cache, once its schema is listed.
    private func kind(of relation: RelationObject) throws -> RelationKind? {
        if let kind = relation.kind.flatMap(RelationKind.init(rawValue:)) { return kind }
        return try kind(of: relation.name)
    }

    private func kind(of name: RelationName) throws -> RelationKind? {
        guard let schema = name.schema, let runtime = state.runtime, try schemaExists(schema) else { return nil }
        try state.withDatabase { try runtime.relations.load([schema], from: $0) }
        return runtime.relations.kind(of: name)
    }

    /// Whether `schema` exists: so when the run's cache has listed it, else as the database says.
    private func schemaExists(_ schema: String) throws -> Bool {
        if state.runtime?.relations.isListed(schema) == true { return true }
        return try state.withDatabase { try $0.listSchemas() }.contains(schema)
    }

    /// As dbt's SQL adapters expand a target's columns (`ColumnObject.widening`), in a transaction where
    /// `run-operation` opens one.
    private func widenStringColumns(of target: RelationName, toThoseOf goal: RelationName) throws {
        let dialect = state.session.dialect
        let statements = try ColumnObject.widening(try columns(target), to: try columns(goal), of: dialect.render(named(target)),
                                                   dialect: dialect)
        guard !statements.isEmpty else { return }
        try state.withDatabase(beginning: true) { database in
            for statement in statements { try database.execute(statement) }
        }
    }

    /// The columns of `relation`, or none when it does not exist.
    private func columns(_ relation: RelationName) throws -> [ColumnObject] {
        var located = relation
        if located.schema == nil { located.schema = state.session.target.schema }
        guard let schema = located.schema, try schemaExists(schema) else { return [] }
        return try state.withDatabase { try $0.columns(of: located) }.map { ColumnObject($0, dialect: state.session.dialect) }
    }

    /// A relation named in the target's database, as dbt names what it finds.
    private func named(_ relation: RelationName) -> RelationName {
        var named = relation
        if named.database == nil { named.database = state.session.target.database }
        return named
    }

    private static func text(_ value: Value) -> String? {
        value.isNone || value.isUndefined ? nil : value.str
    }

    /// A relation argument; none or any other value gives nil.
    private static func relationArgument(_ value: Value?) -> RelationObject? {
        if case .object(let relation as RelationObject)? = value { return relation }
        return nil
    }
}
