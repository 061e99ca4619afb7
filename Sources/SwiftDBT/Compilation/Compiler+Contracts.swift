import Jinja

extension Compiler {
    /// The SQL that creates `relation` for a model whose contract is enforced, from the dispatched macros
    /// dbt builds it with: `get_create_table_as_sql(False, relation, sql)` for a table,
    /// `get_create_view_as_sql(relation, sql)` for a view. They check the model's columns against its
    /// YAML on `connection` (a mismatch is dbt's contract error, a compilation error as in dbt) and write the
    /// columns' types and constraints.
    func contractedCreateSQL(_ node: ProjectNode, kind: RelationKind, relation: RelationName, sql: String,
                             on connection: any DatabaseConnection) throws -> String {
        let macroName = kind == .table ? "get_create_table_as_sql" : "get_create_view_as_sql"
        guard let macro = session.macros.resolve(macroName, from: node.packageName) else {
            throw DBTError(.execution, "the macro \(macroName) is missing", at: node.definedAt)
        }
        let state = RenderState(session: session, node: node, phase: .compile(resolver), incremental: isIncremental(node),
                                runtime: runtime, connection: connection, flags: flags)
        let target = Value.object(RelationObject(relation, kind: kind.rawValue, dialect: session.dialect, texts: session.relationTexts))
        let arguments = kind == .table ? [Value.bool(false), target, .string(sql)] : [target, .string(sql)]
        do {
            return try session.templates.call(macro.definition, Arguments(arguments), globals: state.scope(for: macro.packageName)).str
        } catch let error as TemplateError {
            throw DBTError(template: error, path: macro.definition.templateName, kind: .compilation)
        }
    }
}
