import Jinja

/// The dispatched macros the Swift table, incremental and view path builds with where dbt's adapters
/// differ: a contracted model's `create` and the `indexes` config's `create index`.
extension Compiler {
    /// The SQL that creates `relation` for a model whose contract is enforced, from the dispatched macros
    /// dbt builds it with: `get_create_table_as_sql(False, relation, sql)` for a table,
    /// `get_create_view_as_sql(relation, sql)` for a view. They check the model's columns against its
    /// YAML on `connection` (a mismatch is dbt's contract error, a compilation error as in dbt) and write the
    /// columns' types and constraints.
    func contractedCreateSQL(_ node: ProjectNode, kind: RelationKind, relation: RelationName, sql: String,
                             on connection: any DatabaseConnection) throws -> String {
        let target = relationValue(relation, kind: kind)
        return kind == .table
            ? try callMacro("get_create_table_as_sql", [.bool(false), target, .string(sql)], for: node, on: connection)
            : try callMacro("get_create_view_as_sql", [target, .string(sql)], for: node, on: connection)
    }

    /// The `create index` statements of the model's `indexes` config for the table `relation`
    /// (`get_create_index_sql`, none where the adapter has no indexes).
    func createIndexSQL(_ node: ProjectNode, relation: RelationName, on connection: any DatabaseConnection) throws -> [String] {
        guard case .list(let indexes)? = node.config["indexes"] else { return [] }
        return try indexes.map { index in
            try callMacro("get_create_index_sql", [relationValue(relation, kind: .table), index.jinjaValue], for: node, on: connection)
        }.filter { !$0.allSatisfy(\.isWhitespace) }
    }

    private func relationValue(_ relation: RelationName, kind: RelationKind) -> Value {
        .object(RelationObject(relation, kind: kind.rawValue, dialect: session.dialect, texts: session.relationTexts))
    }

    private func callMacro(_ name: String, _ arguments: [Value], for node: ProjectNode,
                           on connection: any DatabaseConnection) throws -> String {
        guard let macro = session.macros.resolve(name, from: node.packageName) else {
            throw DBTError(.execution, "the macro \(name) is missing", at: node.definedAt)
        }
        let state = RenderState(session: session, node: node, phase: .compile(resolver), incremental: isIncremental(node),
                                runtime: runtime, connection: connection, flags: flags)
        do {
            return try session.templates.call(macro.definition, Arguments(arguments), globals: state.scope(for: macro.packageName)).str
        } catch let error as TemplateError {
            throw DBTError(template: error, path: macro.definition.templateName, kind: .compilation)
        }
    }
}
