import Foundation
import Jinja

/// Nodes as plain data: `model` in templates, `graph.nodes`, and the manifest's node entries.
enum NodeValues {
    /// The manifest entry of a node (dbt's shape for its resource type: `manifest.json` v12).
    static func describe(_ node: ProjectNode, compiledCode: String? = nil, session: CompileSession) -> ConfigValue {
        let isSeed = node.resourceType == .seed
        var fields: [(key: String, value: ConfigValue)] = [
            ("unique_id", .string(node.uniqueID)),
            ("resource_type", .string(node.resourceType.rawValue)),
            ("name", .string(node.name)),
            ("package_name", .string(node.packageName)),
            ("path", .string(node.path)),
            ("original_file_path", .string(node.originalFilePath)),
            ("fqn", .list(node.fqn.map(ConfigValue.string))),
            ("alias", node.namedRelation.map { .string($0.identifier) } ?? .string(node.name)),
            ("schema", node.namedRelation?.schema.map(ConfigValue.string) ?? .null),
            ("database", node.namedRelation?.database.map(ConfigValue.string) ?? .null),
            ("tags", .list(node.config.tags.map(ConfigValue.string))),
            ("description", .string(node.description)),
            ("config", .dict(node.config.contractEntries)),
            ("unrendered_config", .dict(node.unrenderedConfig.entries)),
            ("checksum", .dict([("name", .string(node.checksum.name)), ("checksum", .string(node.checksum.checksum))])),
            ("meta", meta(node)),
            ("group", group(node)),
            ("docs", docs(node)),
            ("patch_path", patchPath(node).map(ConfigValue.string) ?? .null),
            ("build_path", .null),
            ("created_at", .double(createdAt(session))),
            ("relation_name", relationName(node, session: session).map(ConfigValue.string) ?? .null),
            ("doc_blocks", .list([])),
            ("raw_code", .string(rawCode(node))),
        ]
        if isSeed {
            fields.append(("root_path", .string(node.packageRoot)))
            fields.append(("depends_on", .dict([("macros", .list(node.macroCalls.map(ConfigValue.string)))])))
        } else {
            fields += [
                ("language", .string(node.language.rawValue)),
                ("refs", .list(node.refs.map { ref in
                    .dict([("name", .string(ref.name)), ("package", ref.package.map(ConfigValue.string) ?? .null),
                           ("version", ref.version.map(ConfigValue.string) ?? .null)])
                })),
                ("sources", .list(node.sources.map { .list([.string($0.source), .string($0.table)]) })),
                ("metrics", .list([])),
                ("depends_on", .dict([("macros", .list(node.macroCalls.map(ConfigValue.string))),
                                      ("nodes", .list(node.dependsOn.map(ConfigValue.string)))])),
                ("compiled_path", compiledCode == nil ? .null : .string(compiledPath(node, session: session))),
                ("contract", contract(node)),
            ]
        }
        fields.append(("columns", .dict(node.columns.map { column in
            (column.name, .dict([("name", .string(column.name)), ("description", .string(column.description)),
                                 ("data_type", column.dataType.map(ConfigValue.string) ?? .null),
                                 ("meta", column.meta), ("constraints", .list(column.constraints.map(\.value))),
                                 ("quote", column.quote.map(ConfigValue.bool) ?? .null),
                                 ("config", .dict([("meta", column.meta), ("tags", .list([]))])), ("tags", .list([])),
                                 ("granularity", column.granularity.map(ConfigValue.string) ?? .null),
                                 ("doc_blocks", .list([]))]))
        })))
        if node.resourceType == .model {
            fields.append(("access", access(node)))
            fields.append(("constraints", .list(node.constraints.map(\.value))))
            let versioned = versionFields(node)
            fields += [("version", versioned.version), ("latest_version", versioned.latest),
                       ("deprecation_date", versioned.deprecation)]
            fields.append(("time_spine", node.timeSpine ?? .null))
        }
        if let compiledCode {
            fields.append(("compiled", .bool(true)))
            fields.append(("compiled_code", .string(compiledCode)))
        }
        if let test = node.test {
            fields.append(("column_name", test.columnName.map(ConfigValue.string) ?? .null))
            fields.append(("attached_node", test.manifestAttachedNode.map(ConfigValue.string) ?? .null))
            fields.append(("test_metadata", .dict([("name", .string(test.name)),
                                                   ("namespace", test.namespace.map(ConfigValue.string) ?? .null),
                                                   ("kwargs", .dict(test.manifestKwargs))])))
        }
        return .dict(fields)
    }

    /// `raw_code`: the file's text without leading and trailing white space, as dbt reads it (dbt's
    /// `state:modified.body` compares it).
    static func rawCode(_ node: ProjectNode) -> String { String(FileChecksum.stripped(node.rawCode)) }

    /// `meta`: the node's `meta` config.
    static func meta(_ node: ProjectNode) -> ConfigValue { node.config["meta"] ?? .dict([]) }

    /// `group`: the node's `group` config.
    static func group(_ node: ProjectNode) -> ConfigValue { node.config["group"] ?? .null }

    /// A model's `version`, `latest_version` and `deprecation_date` (null when it has no versions).
    static func versionFields(_ node: ProjectNode) -> (version: ConfigValue, latest: ConfigValue, deprecation: ConfigValue) {
        (node.version.map { versionValue($0.version) } ?? .null, node.version.map { versionValue($0.latest) } ?? .null,
         node.version?.deprecationDate.map(ConfigValue.string) ?? .null)
    }

    /// A version as dbt keeps it from YAML: a number when written as one.
    private static func versionValue(_ version: String) -> ConfigValue {
        if let number = Int(version) { return .int(number) }
        if let number = Double(version) { return .double(number) }
        return .string(version)
    }

    /// `access` of a model: its config, `protected` by default (as in dbt).
    static func access(_ node: ProjectNode) -> ConfigValue { node.config["access"] ?? .string("protected") }

    /// `docs`: the `docs` config over dbt's defaults (`show: true`, no colour).
    static func docs(_ node: ProjectNode) -> ConfigValue { docs(configured: node.config["docs"]) }

    /// `docs` for a `docs` config value (nil when the node has none).
    static func docs(configured value: ConfigValue?) -> ConfigValue {
        var entries: [(key: String, value: ConfigValue)] = [("show", .bool(true)), ("node_color", .null)]
        if case .dict(let configured)? = value {
            for (key, value) in configured {
                if let index = entries.firstIndex(where: { $0.key == key }) { entries[index].value = value } else { entries.append((key, value)) }
            }
        }
        return .dict(entries)
    }

    /// `contract`: whether the `contract` config enforces one and lets its data types be aliases.
    static func contract(_ node: ProjectNode) -> ConfigValue {
        contract(enforced: node.config.contractEnforced, aliasTypes: node.config.contractAliasTypes)
    }

    static func contract(enforced: Bool, aliasTypes: Bool = true) -> ConfigValue {
        .dict([("enforced", .bool(enforced)), ("alias_types", .bool(aliasTypes)), ("checksum", .null)])
    }

    /// `compiled_path`: where compiling wrote the node's SQL, under the project's `target-path` as written
    /// (`target/compiled/<package>/<file>`).
    static func compiledPath(_ node: ProjectNode, session: CompileSession) -> String {
        PathText.appending(PathText.appending(session.project.targetPath, "compiled"), TargetPaths.compiledFile(node))
    }

    /// `patch_path`: `package://path/of/properties.yml` when a property file describes the node.
    static func patchPath(_ node: ProjectNode) -> String? { node.patchPath.map { "\(node.packageName)://\($0)" } }

    /// `created_at`: when the invocation started, in seconds since 1970 (dbt: when the node was parsed).
    static func createdAt(_ session: CompileSession) -> Double { session.runStartedAt.timeIntervalSince1970 }

    /// `relation_name`: the relation as the adapter writes it in SQL (none for ephemeral models, nor for tests but
    /// those that store their failures, as dbt writes it).
    static func relationName(_ node: ProjectNode, session: CompileSession) -> String? {
        if node.resourceType == .test {
            guard node.config["store_failures"]?.boolValue == true else { return nil }
            return session.dialect.render(TestExecutor.auditRelation(node, schema: session.target.schema + "_dbt_test__audit"))
        }
        return node.relation.map(session.render)
    }

    /// The manifest entry of a source table.
    static func describe(_ source: SourceTable, session: CompileSession) -> ConfigValue {
        var config = source.config
        config.set("freshness", source.freshnessValue)
        return .dict([
            ("unique_id", .string(source.uniqueID)),
            ("resource_type", .string("source")),
            ("name", .string(source.name)),
            ("source_name", .string(source.sourceName)),
            ("source_description", .string(source.sourceDescription)),
            ("package_name", .string(source.packageName)),
            ("path", .string(source.originalFilePath)),
            ("original_file_path", .string(source.originalFilePath)),
            ("fqn", .list(source.fqn.map(ConfigValue.string))),
            ("database", source.relation.database.map(ConfigValue.string) ?? .null),
            ("schema", source.relation.schema.map(ConfigValue.string) ?? .null),
            ("identifier", .string(source.relation.identifier)),
            ("relation_name", .string(session.render(source))),
            ("quoting", source.quoting.manifestValue),
            ("loader", .string(source.loader)),
            ("freshness", source.freshnessValue),
            ("loaded_at_field", source.loadedAtField.map(ConfigValue.string) ?? .null),
            ("loaded_at_query", source.loadedAtQuery.map(ConfigValue.string) ?? .null),
            ("description", .string(source.description)),
            ("config", .dict(config.entries)),
            ("meta", source.config["meta"] ?? .dict([])),
            ("tags", .list(source.config.tags.map(ConfigValue.string))),
            ("created_at", .double(createdAt(session))),
            ("columns", .dict(source.columns.map { ($0.name, .dict([("name", .string($0.name)),
                                                                      ("description", .string($0.description))])) })),
        ])
    }

    /// `model` in a template.
    /// `model`; a model's has dbt 1.10's `batch`: `id`, `event_time_start` and `event_time_end` inside a batch of a
    /// microbatch model, none elsewhere (as while parsing).
    static func model(_ node: ProjectNode, session: CompileSession, batch: MicrobatchWindow? = nil) -> Value {
        let model = describe(node, session: session).jinjaValue
        guard node.resourceType == .model, case .dict(let storage) = model else { return model }
        storage["batch"] = batch.map { batch in
            .dict([("id", .string(batch.id)), ("event_time_start", .object(DateTimeObject(batch.start))),
                   ("event_time_end", .object(DateTimeObject(batch.end)))])
        } ?? Value.none
        return model
    }

    /// `graph` in a template: empty while parsing, the manifest's nodes and sources while compiling.
    static func graph(_ state: RenderState) -> Value {
        guard case .compile(let resolver) = state.phase else {
            return .dict([("nodes", .dict([])), ("sources", .dict([]))])
        }
        return resolver.graph.jinjaValue
    }
}
