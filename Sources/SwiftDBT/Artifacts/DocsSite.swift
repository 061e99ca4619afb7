import Foundation

/// Writes `target/index.html`: the docs site, one page with its script, styles and the project's
/// data inside it (so it works from `file://`, offline, with no request at all).
public enum DocsSite {
    /// Where the data goes in the page template.
    private static let dataMarker = "__SWIFTDBT_DOCS_DATA__"

    /// Writes the page as `fileName` under the target path. `compiled` holds compiled SQL by unique
    /// ID; `catalog` the database's description of each relation, by unique ID.
    public static func write(_ loaded: LoadedProject, compiled: [String: String], catalog: [String: CatalogRelation],
                             fileName: String = "index.html") throws {
        guard let url = Bundle.module.url(forResource: "index", withExtension: "html", subdirectory: "docs"),
              let page = try? String(contentsOf: url, encoding: .utf8) else {
            throw DBTError(.project, "the docs site's page is missing from swiftdbt's resources")
        }
        let json = JSONWriter.string(data(loaded, compiled: compiled, catalog: catalog))
        // Inside a <script> element, `</` could close it: written as `<\/`, which JSON reads the same.
        let embedded = json.replacingOccurrences(of: "</", with: "<\\/")
        try TargetPaths.write(page.replacingOccurrences(of: dataMarker, with: embedded),
                              to: TargetPaths(loaded.session.project).file(fileName))
    }

    /// What the page shows, in the compact shape its script reads.
    static func data(_ loaded: LoadedProject, compiled: [String: String], catalog: [String: CatalogRelation]) -> ConfigValue {
        let manifest = loaded.manifest
        let root = loaded.session.project.name
        var testsByColumn: [String: [String: [String]]] = [:]
        var testsByNode: [String: [String]] = [:]
        for node in manifest.nodes {
            guard let test = node.test, let attached = test.attachedNode else { continue }
            let name = test.namespace.map { "\($0).\(test.name)" } ?? test.name
            if let column = test.columnName {
                testsByColumn[attached, default: [:]][column, default: []].append(name)
            } else {
                testsByNode[attached, default: []].append(name)
            }
        }
        func columns(_ described: [ProjectNode.ColumnInfo], of uniqueID: String) -> ConfigValue {
            var list: [ConfigValue] = []
            var seen: Set<String> = []
            let found = catalog[uniqueID]?.columns ?? []
            for column in found {
                let info = described.first { $0.name.lowercased() == column.name.lowercased() }
                seen.insert(column.name.lowercased())
                list.append(columnValue(column.name, info?.description ?? "", column.type,
                                        testsByColumn[uniqueID]?[info?.name ?? column.name] ?? []))
            }
            for info in described where !seen.contains(info.name.lowercased()) {
                list.append(columnValue(info.name, info.description, info.dataType ?? "", testsByColumn[uniqueID]?[info.name] ?? []))
            }
            return .list(list)
        }
        var items: [ConfigValue] = manifest.nodes.filter { $0.resourceType != .test }.map { node in
            .dict([
                ("id", .string(node.uniqueID)), ("type", .string(node.resourceType.rawValue)), ("name", .string(node.name)),
                ("package", .string(node.packageName)), ("path", .string(node.originalFilePath)),
                ("description", .string(node.description)), ("tags", .list(node.config.tags.map(ConfigValue.string))),
                ("meta", node.config["meta"] ?? .dict([])), ("materialized", .string(node.config.materialized)),
                ("relation", .string(node.relation.map { [$0.database, $0.schema, $0.identifier].compactMap { $0 }.joined(separator: ".") } ?? "")),
                ("schema", .string(node.relation?.schema ?? "")), ("raw", .string(node.rawCode)),
                ("compiled", compiled[node.uniqueID].map(ConfigValue.string) ?? .null),
                ("dependsOn", .list(node.dependsOn.map(ConfigValue.string))),
                ("columns", columns(node.columns, of: node.uniqueID)),
                ("tests", .list((testsByNode[node.uniqueID] ?? []).map(ConfigValue.string))),
                ("catalogType", catalog[node.uniqueID].map { .string($0.type) } ?? .null),
            ])
        }
        items += manifest.sources.map { source in
            .dict([
                ("id", .string(source.uniqueID)), ("type", .string("source")), ("name", .string("\(source.sourceName).\(source.name)")),
                ("package", .string(source.packageName)), ("path", .string(source.originalFilePath)),
                ("description", .string(source.description)), ("tags", .list(source.config.tags.map(ConfigValue.string))),
                ("meta", source.config["meta"] ?? .dict([])), ("materialized", .string("source")),
                ("relation", .string([source.relation.database, source.relation.schema, source.relation.identifier]
                    .compactMap { $0 }.joined(separator: "."))),
                ("schema", .string(source.relation.schema ?? "")), ("raw", .null), ("compiled", .null),
                ("dependsOn", .list([])), ("columns", columns(source.columns, of: source.uniqueID)),
                ("tests", .list((testsByNode[source.uniqueID] ?? []).map(ConfigValue.string))),
                ("catalogType", catalog[source.uniqueID].map { .string($0.type) } ?? .null),
            ])
        }
        /// An exposure or a semantic-layer resource: no relation, code or columns; `kind` shown where a node's materialization is.
        func resource(_ id: String, _ type: ResourceType, _ name: String, _ package: String, _ path: String, _ description: String,
                      tags: [String], meta: ConfigValue, kind: String, dependsOn: [String]) -> [(key: String, value: ConfigValue)] {
            [("id", .string(id)), ("type", .string(type.rawValue)), ("name", .string(name)), ("package", .string(package)),
             ("path", .string(path)), ("description", .string(description)), ("tags", .list(tags.map(ConfigValue.string))),
             ("meta", meta), ("materialized", .string(kind)), ("relation", .string("")), ("schema", .string("")),
             ("raw", .null), ("compiled", .null), ("dependsOn", .list(dependsOn.map(ConfigValue.string))),
             ("columns", .list([])), ("tests", .list([])), ("catalogType", .null)]
        }
        items += manifest.exposures.map { exposure in
            .dict(resource(exposure.uniqueID, .exposure, exposure.name, exposure.packageName, exposure.originalFilePath,
                           exposure.description, tags: exposure.tags, meta: exposure.meta, kind: exposure.type,
                           dependsOn: exposure.dependsOn) + [
                ("owner", .string([exposure.ownerName, exposure.ownerEmail.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " "))),
                ("url", exposure.url.map(ConfigValue.string) ?? .null), ("maturity", exposure.maturity.map(ConfigValue.string) ?? .null),
            ])
        }
        items += manifest.metrics.map { metric in
            .dict(resource(metric.uniqueID, .metric, metric.name, metric.packageName, metric.originalFilePath, metric.description,
                           tags: metric.tags, meta: metric.meta, kind: metric.kind.rawValue, dependsOn: metric.dependsOn))
        }
        items += manifest.semanticModels.map { model in
            .dict(resource(model.uniqueID, .semanticModel, model.name, model.packageName, model.originalFilePath,
                           model.description ?? "", tags: [], meta: model.meta, kind: "semantic model", dependsOn: model.dependsOn))
        }
        items += manifest.savedQueries.map { query in
            .dict(resource(query.uniqueID, .savedQuery, query.name, query.packageName, query.originalFilePath, query.description ?? "",
                           tags: query.tags, meta: query.meta, kind: "saved query", dependsOn: query.dependsOn))
        }
        let overview = manifest.docs.first { $0.name == "__overview__" && $0.packageName == root }
            ?? manifest.docs.first { $0.name == "__overview__" && $0.packageName == DocsParser.builtinPackage }
        return .dict([
            ("project", .string(root)),
            ("overview", .string(overview?.blockContents ?? "")),
            ("nodes", .list(items)),
        ])
    }

    private static func columnValue(_ name: String, _ description: String, _ type: String, _ tests: [String]) -> ConfigValue {
        .dict([("name", .string(name)), ("description", .string(description)), ("type", .string(type)),
               ("tests", .list(tests.map(ConfigValue.string)))])
    }
}
