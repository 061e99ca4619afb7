/// `swiftdbt ls` lines: dbt's selector form (`jaffle_shop.staging.stg_orders`, `metric:pkg.revenue`), names,
/// paths or JSON.
public enum NodeListing {
    /// The keys of `--output json` for exposures and the semantic layer (dbt's `ls` keys they have).
    private static let jsonKeys: Set<String> = ["name", "resource_type", "package_name", "original_file_path", "unique_id",
                                                "tags", "config", "depends_on"]

    public static func lines(_ loaded: LoadedProject, selected: [String], format: String) -> [String] {
        let manifest = loaded.manifest
        let resources = Dictionary(manifest.resourceGraphNodes.map { ($0.uniqueID, $0) }, uniquingKeysWith: { first, _ in first })
        return selected.sorted().compactMap { id in
            if let node = manifest.node(id) {
                switch format {
                case "name": return node.name
                case "path": return node.originalFilePath
                case "json":
                    return JSONWriter.string(.dict([("name", .string(node.name)), ("resource_type", .string(node.resourceType.rawValue)),
                                                    ("package_name", .string(node.packageName)),
                                                    ("original_file_path", .string(node.originalFilePath)),
                                                    ("unique_id", .string(node.uniqueID)),
                                                    ("config", .dict(node.config.entries))]))
                default:
                    if node.resourceType == .unitTest {
                        return "unit_test:" + node.packageName + "." + (node.uniqueID.split(separator: ".").last.map(String.init) ?? node.name)
                    }
                    return node.resourceType == .test && node.test != nil
                        ? ([node.packageName] + node.fqn.dropFirst().dropLast() + [node.name]).joined(separator: ".")
                        : node.fqn.joined(separator: ".")
                }
            }
            if let source = manifest.source(id) {
                switch format {
                case "name": return "\(source.sourceName).\(source.name)"
                case "path": return source.originalFilePath
                case "json":
                    return JSONWriter.string(.dict([("name", .string(source.name)), ("resource_type", .string("source")),
                                                    ("package_name", .string(source.packageName)),
                                                    ("source_name", .string(source.sourceName)),
                                                    ("unique_id", .string(source.uniqueID))]))
                default: return "source:" + ([source.packageName, source.sourceName, source.name]).joined(separator: ".")
                }
            }
            if let resource = resources[id] {
                switch format {
                case "name": return resource.name
                case "path": return resource.originalFilePath
                case "json":
                    guard case .dict(let fields) = entry(id, resource.resourceType, loaded) else { return nil }
                    return JSONWriter.string(.dict(fields.filter { jsonKeys.contains($0.key) }))
                default: return "\(resource.resourceType.rawValue):\(resource.packageName).\(resource.name)"
                }
            }
            return nil
        }
    }

    /// The manifest entry of an exposure, metric, semantic model or saved query.
    private static func entry(_ id: String, _ type: ResourceType, _ loaded: LoadedProject) -> ConfigValue? {
        let manifest = loaded.manifest, session = loaded.session
        switch type {
        case .exposure: return manifest.exposures.first { $0.uniqueID == id }.map { ResourceJSON.describe($0, session: session) }
        case .metric: return manifest.metrics.first { $0.uniqueID == id }.map { ResourceJSON.describe($0, session: session) }
        case .semanticModel:
            return manifest.semanticModels.first { $0.uniqueID == id }.map { ResourceJSON.describe($0, session: session) }
        case .savedQuery: return manifest.savedQueries.first { $0.uniqueID == id }.map { ResourceJSON.describe($0, session: session) }
        default: return nil
        }
    }
}
