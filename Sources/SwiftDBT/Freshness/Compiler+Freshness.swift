import Jinja

extension Compiler {
    /// Reads a source table's freshness on `connection` through the dispatched macro dbt's adapters use, so that a
    /// project or package may override it: `collect_freshness(source, loaded_at_field, filter)`, or, for a
    /// `loaded_at_query` (rendered first, with `this` the table), `collect_freshness_custom_sql(source, loaded_at_query)`.
    /// Neither set is dbt's runtime error for an adapter without metadata-based freshness.
    func collectFreshness(_ source: SourceTable, criteria: FreshnessCriteria, on connection: any DatabaseConnection) throws -> FreshnessRow {
        var node = operationNode("source", name: source.name, code: "")
        node.uniqueID = source.uniqueID
        node.packageName = source.packageName
        node.relation = source.relation
        node.definedAt = source.definedAt
        let relation = Value.object(RelationObject(source.relation, kind: RelationKind.table.rawValue, dialect: session.dialect,
                                                   texts: session.relationTexts))
        let macroName: String
        let arguments: [(name: String, value: Value)]
        if let query = source.loadedAtQuery {
            macroName = "collect_freshness_custom_sql"
            arguments = [("source", relation), ("loaded_at_query", .string(try renderHook(query, for: node, on: connection)))]
        } else if let field = source.loadedAtField {
            macroName = "collect_freshness"
            arguments = [("source", relation), ("loaded_at_field", .string(field)), ("filter", criteria.filter.map(Value.string) ?? .none)]
        } else {
            throw DBTError(.execution, "Could not compute freshness for source \(source.name): no 'loaded_at_field' provided and "
                           + "\(session.target.type) adapter does not support metadata-based freshness checks.", at: source.definedAt)
        }
        guard let macro = session.macros.resolve(macroName, from: session.project.name) else {
            throw DBTError(.execution, "the macro \(macroName) is missing", at: source.definedAt)
        }
        let state = RenderState(session: session, node: node, phase: .compile(resolver), runtime: runtime, connection: connection, flags: flags)
        let returned: Value
        do {
            returned = try session.templates.call(macro.definition, Arguments([], keyword: arguments), globals: state.scope(for: macro.packageName))
        } catch let error as TemplateError {
            if let failure = state.databaseError { throw failure }
            throw DBTError(template: error, path: macro.definition.templateName, kind: .execution)
        }
        return try FreshnessRow(returned, macro: macroName, source: source)
    }
}
