import Foundation

/// Writes `target/catalog.json` in dbt's shape (catalog v1): for every node with a relation and every
/// source, the relation's kind, comment and owner and its columns as the database describes them.
public enum CatalogWriter {
    /// Reads the database's description of the relations of `selected` (unique IDs of nodes and
    /// sources; all of them when nil) through `connection`, or none for an empty catalog, and writes it.
    /// Returns what was found, by unique ID.
    @discardableResult
    public static func write(_ loaded: LoadedProject, selected: Set<String>?,
                             connection: (any DatabaseConnection)?) throws -> [String: CatalogRelation] {
        let manifest = loaded.manifest
        let nodes = manifest.nodes.filter { node in
            node.relation != nil && node.resourceType != .test && node.config.materialized != "ephemeral"
                && selected.map { $0.contains(node.uniqueID) } ?? true
        }
        let sources = manifest.sources.filter { source in selected.map { $0.contains(source.uniqueID) } ?? true }
        var described: [String: CatalogRelation] = [:]
        if let connection {
            var schemas: [String] = []
            for relation in nodes.compactMap { $0.relation } + sources.map { $0.relation } {
                if let schema = relation.schema, !schemas.contains(schema) { schemas.append(schema) }
            }
            for found in try connection.catalog(inSchemas: schemas) {
                described[key(found.relation)] = found
            }
        }
        var byID: [String: CatalogRelation] = [:]
        func entries(_ items: [(String, RelationName)]) -> [(key: String, value: ConfigValue)] {
            items.compactMap { uniqueID, relation in
                guard let found = described[key(relation)] else { return nil }
                byID[uniqueID] = found
                return (uniqueID, table(found, uniqueID: uniqueID, database: relation.database))
            }
        }
        let nodeEntries = entries(nodes.compactMap { node in node.relation.map { (node.uniqueID, $0) } })
        let sourceEntries = entries(sources.map { ($0.uniqueID, $0.relation) })
        let document = ConfigValue.dict([
            ("metadata", .dict(ArtifactMetadata.entries(schema: "catalog/v1", session: loaded.session))),
            ("nodes", .dict(nodeEntries)),
            ("sources", .dict(sourceEntries)),
            ("errors", .null),
        ])
        try TargetPaths.write(JSONWriter.string(document, pretty: true), to: TargetPaths(loaded.session.project).file("catalog.json"))
        return byID
    }

    /// Relations are matched on schema and name without regard to case (SQLite and unquoted PostgreSQL names).
    private static func key(_ relation: RelationName) -> String {
        (relation.schema ?? "").lowercased() + "\u{0}" + relation.identifier.lowercased()
    }

    private static func table(_ found: CatalogRelation, uniqueID: String, database: String?) -> ConfigValue {
        .dict([
            ("metadata", .dict([
                ("type", .string(found.type)), ("schema", .string(found.relation.schema ?? "")),
                ("name", .string(found.relation.identifier)), ("database", database.map(ConfigValue.string) ?? .null),
                ("comment", found.comment.map(ConfigValue.string) ?? .null),
                ("owner", found.owner.map(ConfigValue.string) ?? .null),
            ])),
            ("columns", .dict(found.columns.map { column in
                (column.name, .dict([("type", .string(column.type)), ("index", .int(column.index)),
                                     ("name", .string(column.name)), ("comment", column.comment.map(ConfigValue.string) ?? .null)]))
            })),
            ("stats", .dict([("has_stats", .dict([
                ("id", .string("has_stats")), ("label", .string("Has Stats?")), ("value", .bool(false)),
                ("include", .bool(false)), ("description", .string("Whether the database reported statistics for this relation")),
            ]))])),
            ("unique_id", .string(uniqueID)),
        ])
    }
}
