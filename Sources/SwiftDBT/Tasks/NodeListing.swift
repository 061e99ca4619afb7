/// `swiftdbt ls` lines: dbt's selector form (`jaffle_shop.staging.stg_orders`), names, paths or JSON.
public enum NodeListing {
    public static func lines(_ manifest: Manifest, selected: [String], format: String) -> [String] {
        selected.sorted().compactMap { id in
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
            return nil
        }
    }
}
