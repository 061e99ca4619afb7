import Foundation

extension LogEvent {
    /// dbt's `node_info` of a node's events: what it is, where it lives, and how far it got
    /// (`node_status` `started` until it ends, then its result's status).
    public static func nodeInfo(_ node: ProjectNode, dialect: any Dialect, status: String, startedAt: Date?,
                                finishedAt: Date?) -> ConfigValue {
        // A test's relation is the one dbt names it with (its audit schema), which it never builds unless storing failures.
        // An exposure or saved query builds nothing: dbt gives it an empty relation and no materialization.
        let noOp = Manifest.noOpTypes.contains(node.resourceType)
        let relation: ConfigValue = noOp ? .dict(["alias", "database", "relation_name", "schema"].map { (key: $0, value: ConfigValue.string("")) })
            : (node.relation ?? node.namedRelation).map { relation in
                .dict([("alias", .string(relation.identifier)), ("database", relation.database.map(ConfigValue.string) ?? .null),
                       ("relation_name", .string(dialect.render(relation))), ("schema", relation.schema.map(ConfigValue.string) ?? .null)])
            } ?? .null
        let materialized = noOp ? "" : node.resourceType == .test ? "test" : node.resourceType == .seed ? "seed" : node.config.materialized
        return .dict([
            ("materialized", .string(materialized)),
            ("meta", node.config["meta"] ?? .dict([])),
            ("node_checksum", .string(node.checksum.checksum)),
            ("node_finished_at", .string(finishedAt.map { timestamp($0) } ?? "")),
            ("node_name", .string(node.name)),
            ("node_path", .string(node.path)),
            ("node_relation", relation),
            ("node_started_at", .string(startedAt.map { timestamp($0) } ?? "")),
            ("node_status", .string(status)),
            ("resource_type", .string(node.resourceType.rawValue)),
            ("unique_id", .string(node.uniqueID)),
        ])
    }

    /// dbt's `node_info` of a source table's `source freshness` events: no materialization, checksum or alias, the
    /// table's relation, and `node_status` `started` until its check ends, then the check's status.
    public static func nodeInfo(_ source: SourceTable, dialect: any Dialect, status: String, startedAt: Date,
                                finishedAt: Date?) -> ConfigValue {
        let relation = source.relation
        return .dict([
            ("materialized", .string("")),
            ("meta", source.config["meta"] ?? .dict([])),
            ("node_checksum", .string("")),
            ("node_finished_at", .string(finishedAt.map { timestamp($0) } ?? "")),
            ("node_name", .string(source.name)),
            ("node_path", .string(source.originalFilePath)),
            ("node_relation", .dict([("alias", .string("")), ("database", relation.database.map(ConfigValue.string) ?? .null),
                                     ("relation_name", .string(dialect.render(relation))),
                                     ("schema", relation.schema.map(ConfigValue.string) ?? .null)])),
            ("node_started_at", .string(timestamp(startedAt))),
            ("node_status", .string(status)),
            ("resource_type", .string("source")),
            ("unique_id", .string(source.uniqueID)),
        ])
    }
}
