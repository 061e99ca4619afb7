import Jinja

/// Relation names: `generate_database_name`, `generate_schema_name`, `generate_alias_name`.
extension ManifestBuilder {
    /// Gives every node its database, schema and alias (`namedRelation`, as the manifest records them),
    /// and every model, seed and snapshot that is built its `relation`.
    /// dbt's default macros are computed directly; a project's own overrides are rendered.
    mutating func nameRelations() {
        let session = self.session
        // Which macro names each package's nodes: the same for every node of the package.
        var choices: [String: [NamingMacro]] = [:]
        for index in nodes.indices where choices[nodes[index].packageName] == nil {
            let package = nodes[index].packageName
            choices[package] = ["generate_database_name", "generate_schema_name", "generate_alias_name"].map {
                NamingMacro($0, package: package, session: session)
            }
        }
        let results = ManifestBuilder.relationNames(nodes, naming: choices, session: session)
        // A node whose relation cannot be named is dropped, with its error.
        var failed: [Int] = []
        for (index, result) in results.enumerated() {
            switch result {
            case .success(var relation)?:
                if nodes[index].resourceType == .snapshot {
                    // A snapshot's legacy `target_database`/`target_schema` win over the naming macros, verbatim.
                    let config = nodes[index].config
                    let legacy = { (key: String) in config[key]?.scalarString.flatMap { $0.isEmpty ? nil : $0 } }
                    relation.database = legacy("target_database") ?? relation.database
                    relation.schema = legacy("target_schema") ?? relation.schema
                }
                nodes[index].namedRelation = relation
                if [.model, .seed, .snapshot].contains(nodes[index].resourceType), nodes[index].config.materialized != "ephemeral" {
                    nodes[index].relation = relation
                }
            case nil: break
            case .failure(let error)?:
                errors.append(error)
                failed.append(index)
            }
        }
        for index in failed.reversed() { nodes.remove(at: index) }
    }

    /// Each node's relation name, on every core. Nodes are read in place by
    /// position: a node handed to the map would be copied whole, and the default names read only a few fields.
    private static func relationNames(_ nodes: [ProjectNode], naming: [String: [NamingMacro]],
                                      session: CompileSession) -> [Result<RelationName, DBTError>?] {
        let defaults = (schema: session.target.schema, database: session.target.database)
        return ParallelMap.map(Array(nodes.indices)) { index -> Result<RelationName, DBTError>? in
            let macros = naming[nodes[index].packageName] ?? []
            let config = nodes[index].config
            do {
                return .success(RelationName(
                    database: try ManifestBuilder.name(macros[0], custom: config.database, nodes, index, session, defaults),
                    schema: try ManifestBuilder.name(macros[1], custom: config.schema, nodes, index, session, defaults),
                    identifier: try ManifestBuilder.name(macros[2], custom: config.alias, nodes, index, session, defaults)))
            } catch let error as TemplateError {
                return .failure(DBTError(template: error, path: nodes[index].definedAt.path))
            } catch {
                return .failure(DBTError(.compilation, "\(error)", at: nodes[index].definedAt))
            }
        }
    }

    /// The macro that names relations of one package's nodes, and whether it is dbt's default. A class: every node
    /// of the package reads it, on both cores, and a copy of a class is one reference count.
    final class NamingMacro: Sendable {
        let name: String
        let macro: MacroEntry?
        let usesDefault: Bool

        init(_ name: String, package: String, session: CompileSession) {
            self.name = name
            let macro = session.macros.resolve(name, from: package)
            self.macro = macro
            let dispatched = session.macros.dispatch(name, namespace: MacroRegistry.internalPackage)
            usesDefault = macro?.packageName == MacroRegistry.internalPackage
                && dispatched?.packageName == MacroRegistry.internalPackage && dispatched?.name.hasPrefix("default__") == true
        }
    }

    /// The name `naming` gives `nodes[index]`.
    /// `defaults`: the target's schema and database, read once for every node.
    private static func name(_ naming: NamingMacro, custom: String?, _ nodes: [ProjectNode], _ index: Int,
                             _ session: CompileSession, _ defaults: (schema: String, database: String)) throws -> String {
        if naming.usesDefault || naming.macro == nil {
            switch naming.name {
            case "generate_schema_name":
                return custom.map { "\(defaults.schema)_\(ASCIIText.trimmingWhitespaces($0))" } ?? defaults.schema
            case "generate_database_name":
                return custom.map(ASCIIText.trimmingWhitespaces) ?? defaults.database
            default:
                // A version is `<name>_v<version>`, dots made underscores.
                let versioned = nodes[index].version.map { nodes[index].name + "_v" + $0.version.replacingOccurrences(of: ".", with: "_") }
                return custom.map(ASCIIText.trimmingWhitespaces) ?? versioned ?? nodes[index].name
            }
        }
        guard let macro = naming.macro else { return nodes[index].name }
        let node = nodes[index]
        let state = RenderState(session: session, node: node, phase: .parse)
        let arguments = Arguments([custom.map(Value.string) ?? .none, NodeValues.model(node, session: session)])
        let value = try session.templates.call(macro.definition, arguments, globals: state.scope(for: macro.packageName))
        return value.str.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
