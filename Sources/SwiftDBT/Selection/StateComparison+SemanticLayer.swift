import Foundation

/// dbt's comparisons of exposures, metrics, semantic models and saved queries: each compares only some of
/// its fields (`same_contents`), a new one is not "modified" (only `state:new` and `state:modified.configs`
/// pick it), and the other parts of `state:modified` never pick one.
extension StateComparison {
    /// The manifest sections whose entries are compared this way.
    static let semanticLayerSections = ["exposures", "metrics", "semantic_models", "saved_queries"]

    /// Whether `entry` is the same as `old` by the fields dbt compares for its resource type.
    static func sameSemanticContents(_ entry: [String: Any], _ old: [String: Any]) -> Bool {
        let fields: [String]
        switch entry["resource_type"] as? String {
        case "exposure":
            fields = ["fqn", "type", "owner", "maturity", "url", "description", "label"]
            let nodes = { (entry: [String: Any]) in Set((entry["depends_on"] as? [String: Any])?["nodes"] as? [String] ?? []) }
            guard nodes(entry) == nodes(old) else { return false }
        case "metric":
            // dbt leaves a metric's filter, metadata and type_params out of the comparison.
            fields = ["type", "description", "label"]
        case "semantic_model":
            fields = ["model", "description", "defaults", "entities", "dimensions", "measures", "primary_entity", "group"]
        case "saved_query":
            let parameters = { (entry: [String: Any]) in entry["query_params"] as? [String: Any] ?? [:] }
            guard ["metrics", "group_by", "where"].allSatisfy({ same(parameters(entry)[$0], parameters(old)[$0]) }),
                  sameExports(entry, old) else { return false }
            fields = ["description", "label", "group", "tags"]
        default:
            return true
        }
        return fields.allSatisfy { same(entry[$0], old[$0]) } && sameSemanticConfig(entry, old)
    }

    /// Exposures and metrics compare the config the project wrote (a metric's group aside); semantic models
    /// and saved queries their whole config.
    static func sameSemanticConfig(_ entry: [String: Any], _ old: [String: Any]) -> Bool {
        switch entry["resource_type"] as? String {
        case "exposure", "metric":
            func written(_ entry: [String: Any]) -> [String: Any] {
                var config = entry["unrendered_config"] as? [String: Any] ?? [:]
                if entry["resource_type"] as? String == "metric" { config["group"] = nil }
                return config
            }
            return same(written(entry), written(old))
        default:
            return same(entry["config"], old["config"])
        }
    }

    /// Exports in the same order, with the same names and written `export_as`, `schema` and `alias`.
    private static func sameExports(_ entry: [String: Any], _ old: [String: Any]) -> Bool {
        let mine = entry["exports"] as? [[String: Any]] ?? [], theirs = old["exports"] as? [[String: Any]] ?? []
        guard mine.count == theirs.count else { return false }
        return zip(mine, theirs).allSatisfy { new, old in
            let written = { (export: [String: Any]) in export["unrendered_config"] as? [String: Any] ?? [:] }
            return same(new["name"], old["name"]) && ["export_as", "schema", "alias"].allSatisfy { same(written(new)[$0], written(old)[$0]) }
        }
    }
}
