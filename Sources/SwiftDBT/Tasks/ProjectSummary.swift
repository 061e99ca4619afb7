/// dbt's "Found 5 models, 3 seeds, 20 data tests, 2 sources, 1 exposure, 450 macros, 1 semantic model" line (the
/// resources after macros in dbt's order: groups, semantic models, saved queries). `operations`: the project's
/// on-run-start/on-run-end hooks, after the seeds as dbt parses them.
public enum ProjectSummary {
    public static func line(_ manifest: Manifest, operations: Int) -> String {
        // Counted by index: iterating the nodes would copy each one.
        var counts: [ResourceType: Int] = [:]
        for index in manifest.nodes.indices { counts[manifest.nodes[index].resourceType, default: 0] += 1 }
        func count(_ type: ResourceType) -> Int { counts[type] ?? 0 }
        func plural(_ n: Int, _ word: String, _ words: String) -> String? { n == 0 ? nil : "\(n) \(n == 1 ? word : words)" }
        let parts = [
            plural(count(.model), "model", "models"), plural(count(.snapshot), "snapshot", "snapshots"),
            plural(count(.analysis), "analysis", "analyses"), plural(count(.seed), "seed", "seeds"),
            plural(operations, "operation", "operations"),
            plural(count(.test), "test", "data tests"), plural(manifest.sources.count, "source", "sources"),
            plural(manifest.exposures.count, "exposure", "exposures"), plural(manifest.metrics.count, "metric", "metrics"),
            plural(manifest.macros.count, "macro", "macros"), plural(manifest.groups.count, "group", "groups"),
            plural(manifest.semanticModels.count, "semantic model", "semantic models"),
            plural(manifest.savedQueries.count, "saved query", "saved queries"),
            plural(count(.unitTest), "unit test", "unit tests"),
        ].compactMap { $0 }
        return "Found " + parts.joined(separator: ", ")
    }
}
