/// Manifest entries of exposures, groups and the semantic layer in dbt-core 1.10's shape (`manifest.json`
/// v12), also what templates see under `graph.exposures`, `graph.metrics`, ...
enum ResourceJSON {
    private static func text(_ value: String?) -> ConfigValue { value.map(ConfigValue.string) ?? .null }
    private static func strings(_ values: [String]) -> ConfigValue { .list(values.map(ConfigValue.string)) }

    /// The fields every property-file resource starts with.
    private static func head(_ type: ResourceType, _ uniqueID: String, _ name: String, _ package: String,
                             _ file: String) -> [(key: String, value: ConfigValue)] {
        [("name", .string(name)), ("resource_type", .string(type.rawValue)), ("package_name", .string(package)),
         ("path", .string(Manifest.path(of: file))), ("original_file_path", .string(file)), ("unique_id", .string(uniqueID)),
         ("fqn", strings(Manifest.fqn(package: package, file: file, name: name)))]
    }

    private static func dependsOn(_ nodes: [String]) -> ConfigValue {
        .dict([("macros", .list([])), ("nodes", strings(nodes))])
    }

    private static func refs(_ refs: [ProjectNode.Reference]) -> ConfigValue {
        .list(refs.map { .dict([("name", .string($0.name)), ("package", text($0.package)), ("version", text($0.version))]) })
    }

    static func describe(_ exposure: Exposure, session: CompileSession) -> ConfigValue {
        .dict(head(.exposure, exposure.uniqueID, exposure.name, exposure.packageName, exposure.originalFilePath) + [
            ("type", .string(exposure.type)),
            ("owner", .dict([("email", text(exposure.ownerEmail)), ("name", text(exposure.ownerName))])),
            ("description", .string(exposure.description)), ("label", text(exposure.label)),
            ("maturity", text(exposure.maturity)), ("meta", exposure.meta), ("tags", strings(exposure.tags)),
            ("config", .dict([("enabled", .bool(exposure.enabled)), ("tags", strings(exposure.tags)), ("meta", exposure.meta)])),
            ("unrendered_config", exposure.unrenderedConfig), ("url", text(exposure.url)), ("depends_on", dependsOn(exposure.dependsOn)),
            ("refs", refs(exposure.refs)), ("sources", .list(exposure.sources.map(strings))),
            ("metrics", .list(exposure.metrics.map(strings))), ("created_at", .double(NodeValues.createdAt(session))),
        ])
    }

    static func describe(_ group: ProjectGroup) -> ConfigValue {
        .dict([
            ("name", .string(group.name)), ("resource_type", .string("group")), ("package_name", .string(group.packageName)),
            ("path", .string(Manifest.path(of: group.originalFilePath))), ("original_file_path", .string(group.originalFilePath)),
            ("unique_id", .string(group.uniqueID)), ("owner", group.owner),
            ("description", text(group.description)), ("config", .dict([("meta", group.meta)])),
        ])
    }

    /// A semantic layer resource's `config`.
    private static func config(enabled: Bool, group: String?, meta: ConfigValue) -> [(key: String, value: ConfigValue)] {
        [("enabled", .bool(enabled)), ("group", text(group)), ("meta", meta)]
    }

    static func describe(_ model: SemanticModel, session: CompileSession) -> ConfigValue {
        let definition = Dictionary(model.definition, uniquingKeysWith: { _, last in last })
        return .dict(head(.semanticModel, model.uniqueID, model.name, model.packageName, model.originalFilePath) + [
            ("model", .string(model.model)), ("node_relation", model.nodeRelation),
            ("description", text(model.description)), ("label", text(model.label)),
            ("defaults", definition["defaults"] ?? .null), ("entities", definition["entities"] ?? .list([])),
            ("measures", definition["measures"] ?? .list([])), ("dimensions", definition["dimensions"] ?? .list([])),
            ("metadata", .null), ("depends_on", dependsOn(model.dependsOn)), ("refs", refs(model.ref.map { [$0] } ?? [])),
            ("created_at", .double(NodeValues.createdAt(session))),
            ("config", .dict(config(enabled: model.enabled, group: model.group, meta: model.meta))),
            ("unrendered_config", model.unrenderedConfig), ("primary_entity", definition["primary_entity"] ?? .null), ("group", text(model.group)),
        ])
    }

    static func describe(_ metric: Metric, session: CompileSession) -> ConfigValue {
        let typeParams = metric.typeParams.map { $0.key == "input_measures" ? ($0.key, .list(metric.inputMeasures)) : $0 }
        return .dict(head(.metric, metric.uniqueID, metric.name, metric.packageName, metric.originalFilePath) + [
            ("description", .string(metric.description)), ("label", .string(metric.label)), ("type", .string(metric.kind.rawValue)),
            ("type_params", .dict(typeParams)), ("filter", metric.filter), ("metadata", .null),
            ("time_granularity", text(metric.timeGranularity)), ("meta", metric.meta), ("tags", strings(metric.tags)),
            ("config", .dict(config(enabled: metric.enabled, group: metric.group, meta: metric.meta))),
            ("unrendered_config", metric.unrenderedConfig), ("sources", .list([])), ("depends_on", dependsOn(metric.dependsOn)),
            ("refs", .list([])), ("metrics", .list([])), ("created_at", .double(NodeValues.createdAt(session))),
            ("group", text(metric.group)),
        ])
    }

    static func describe(_ query: SavedQuery, session: CompileSession) -> ConfigValue {
        let written = Dictionary(query.config, uniquingKeysWith: { _, last in last })
        let target = session.target
        return .dict(head(.savedQuery, query.uniqueID, query.name, query.packageName, query.originalFilePath) + [
            ("query_params", query.queryParams),
            ("exports", .list(query.exports.map { export in
                let own = Dictionary(export.config, uniquingKeysWith: { _, last in last })
                return .dict([
                    ("name", .string(export.name)),
                    ("config", .dict([
                        ("export_as", own["export_as"] ?? written["export_as"] ?? .string("table")),
                        ("schema_name", own["schema"] ?? written["schema"] ?? .string(target.schema)),
                        ("alias", own["alias"] ?? .string(export.name)), ("database", .string(target.database)),
                    ])),
                    ("unrendered_config", .dict(export.config)),
                ])
            })),
            ("description", text(query.description)), ("label", text(query.label)), ("metadata", .null),
            ("config", .dict(config(enabled: query.enabled, group: query.group, meta: query.meta) + [
                ("export_as", written["export_as"] ?? .null), ("schema", written["schema"] ?? .null),
                ("cache", .dict([("enabled", written["cache"]?["enabled"] ?? .bool(false))])),
            ])),
            ("unrendered_config", .dict(query.config)), ("group", text(query.group)), ("depends_on", dependsOn(query.dependsOn)),
            ("created_at", .double(NodeValues.createdAt(session))), ("refs", .list([])), ("tags", strings(query.tags)),
        ])
    }
}
