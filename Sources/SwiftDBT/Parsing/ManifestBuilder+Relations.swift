import Jinja

/// Relation names: `generate_database_name`, `generate_schema_name`, `generate_alias_name`.
extension ManifestBuilder {
    /// Gives every model, seed and snapshot its database, schema and identifier.
    /// dbt's default macros are computed directly; a project's own overrides are rendered.
    mutating func nameRelations() {
        let session = self.session
        let results = ParallelMap.map(nodes) { node -> Result<ProjectNode, DBTError> in
            guard [.model, .seed, .snapshot].contains(node.resourceType), node.config.materialized != "ephemeral" else {
                return .success(node)
            }
            var node = node
            do {
                node.relation = RelationName(
                    database: try ManifestBuilder.name("generate_database_name", custom: node.config.database, node, session),
                    schema: try ManifestBuilder.name("generate_schema_name", custom: node.config.schema, node, session),
                    identifier: try ManifestBuilder.name("generate_alias_name", custom: node.config.alias, node, session))
                return .success(node)
            } catch let error as TemplateError {
                return .failure(DBTError(template: error, path: node.definedAt.path))
            } catch {
                return .failure(DBTError(.compilation, "\(error)", at: node.definedAt))
            }
        }
        nodes = []
        for result in results {
            switch result {
            case .success(let node): nodes.append(node)
            case .failure(let error): errors.append(error)
            }
        }
    }

    private static func name(_ macroName: String, custom: String?, _ node: ProjectNode, _ session: CompileSession) throws -> String {
        let macro = session.macros.resolve(macroName, from: node.packageName)
        let dispatched = session.macros.dispatch(macroName, namespace: MacroRegistry.internalPackage)
        let usesDefault = macro?.packageName == MacroRegistry.internalPackage
            && dispatched?.packageName == MacroRegistry.internalPackage && dispatched?.name.hasPrefix("default__") == true
        if usesDefault || macro == nil {
            let target = session.target
            switch macroName {
            case "generate_schema_name":
                return custom.map { "\(target.schema)_\($0.trimmingCharacters(in: .whitespaces))" } ?? target.schema
            case "generate_database_name":
                return custom?.trimmingCharacters(in: .whitespaces) ?? target.database
            default:
                return custom?.trimmingCharacters(in: .whitespaces) ?? node.name
            }
        }
        guard let macro else { return node.name }
        let state = RenderState(session: session, node: node, phase: .parse)
        let arguments = Arguments([custom.map(Value.string) ?? .none, NodeValues.model(node, session: session)])
        let value = try session.templates.call(macro.definition, arguments, globals: state.scope(for: macro.packageName))
        return value.str.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
