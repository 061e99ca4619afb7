import Jinja

/// Nodes as plain data: `model` in templates, `graph.nodes`, and the manifest's node entries.
enum NodeValues {
    /// The manifest entry of a node (dbt's shape, the fields tools read).
    static func describe(_ node: ProjectNode, compiledCode: String? = nil) -> ConfigValue {
        var fields: [(key: String, value: ConfigValue)] = [
            ("unique_id", .string(node.uniqueID)),
            ("resource_type", .string(node.resourceType.rawValue)),
            ("name", .string(node.name)),
            ("package_name", .string(node.packageName)),
            ("path", .string(node.path)),
            ("original_file_path", .string(node.originalFilePath)),
            ("fqn", .list(node.fqn.map(ConfigValue.string))),
            ("alias", node.relation.map { .string($0.identifier) } ?? .string(node.name)),
            ("schema", node.relation?.schema.map(ConfigValue.string) ?? .null),
            ("database", node.relation?.database.map(ConfigValue.string) ?? .null),
            ("tags", .list(node.config.tags.map(ConfigValue.string))),
            ("description", .string(node.description)),
            ("config", .dict(node.config.entries)),
            ("raw_code", .string(node.rawCode)),
            ("language", .string("sql")),
            ("depends_on", .dict([("macros", .list(node.macroCalls.map(ConfigValue.string))),
                                  ("nodes", .list(node.dependsOn.map(ConfigValue.string)))])),
            ("refs", .list(node.refs.map { ref in
                .dict([("name", .string(ref.name)), ("package", ref.package.map(ConfigValue.string) ?? .null),
                       ("version", ref.version.map(ConfigValue.string) ?? .null)])
            })),
            ("sources", .list(node.sources.map { .list([.string($0.source), .string($0.table)]) })),
            ("columns", .dict(node.columns.map { column in
                (column.name, .dict([("name", .string(column.name)), ("description", .string(column.description)),
                                     ("data_type", column.dataType.map(ConfigValue.string) ?? .null),
                                     ("meta", column.meta)]))
            })),
        ]
        if let compiledCode {
            fields.append(("compiled", .bool(true)))
            fields.append(("compiled_code", .string(compiledCode)))
        }
        if let test = node.test {
            fields.append(("column_name", test.columnName.map(ConfigValue.string) ?? .null))
            fields.append(("attached_node", test.attachedNode.map(ConfigValue.string) ?? .null))
            fields.append(("test_metadata", .dict([("name", .string(test.name)),
                                                   ("namespace", test.namespace.map(ConfigValue.string) ?? .null),
                                                   ("kwargs", .dict(test.kwargs))])))
        }
        return .dict(fields)
    }

    /// The manifest entry of a source table.
    static func describe(_ source: SourceTable) -> ConfigValue {
        .dict([
            ("unique_id", .string(source.uniqueID)),
            ("resource_type", .string("source")),
            ("name", .string(source.name)),
            ("source_name", .string(source.sourceName)),
            ("package_name", .string(source.packageName)),
            ("original_file_path", .string(source.originalFilePath)),
            ("fqn", .list(source.fqn.map(ConfigValue.string))),
            ("database", source.relation.database.map(ConfigValue.string) ?? .null),
            ("schema", source.relation.schema.map(ConfigValue.string) ?? .null),
            ("identifier", .string(source.relation.identifier)),
            ("loader", .string(source.loader)),
            ("description", .string(source.description)),
            ("config", .dict(source.config.entries)),
            ("tags", .list(source.config.tags.map(ConfigValue.string))),
            ("columns", .dict(source.columns.map { ($0.name, .dict([("name", .string($0.name)),
                                                                      ("description", .string($0.description))])) })),
        ])
    }

    /// `model` in a template.
    static func model(_ node: ProjectNode, session: CompileSession) -> Value {
        describe(node).jinjaValue
    }

    /// `graph` in a template: empty while parsing, the manifest's nodes and sources while compiling.
    static func graph(_ state: RenderState) -> Value {
        guard case .compile(let resolver) = state.phase else {
            return .dict([("nodes", .dict([])), ("sources", .dict([]))])
        }
        return resolver.graph.jinjaValue
    }
}
