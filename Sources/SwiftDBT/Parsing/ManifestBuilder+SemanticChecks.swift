/// MetricFlow's checks of the semantic layer that dbt-core 1.10 runs once it has parsed the project (its
/// "Semantic Manifest validation failed."): SemanticValidator's errors are load errors at the entry they are
/// about, its warnings are printed and parsing goes on, and a deprecation is printed with dbt's summary of it.
extension ManifestBuilder {
    mutating func checkSemanticModels() {
        let enabledModels = semanticModels.filter(\.enabled)
        guard !enabledModels.isEmpty else { return }
        var validator = SemanticValidator(semanticModels: enabledModels, metrics: metrics.filter(\.enabled),
                                          savedQueries: savedQueries.filter(\.enabled))
        validator.timeSpines = timeSpines()
        validator.legacySpine = nodes.contains {
            $0.name == SemanticValidator.legacySpineName && [.model, .seed, .snapshot].contains($0.resourceType)
        }
        validator.requiresYAMLTimeSpines = session.project.requiresYAMLTimeSpines
        var deprecations: [String] = []
        for issue in validator.issues() {
            switch issue.level {
            case .error:
                errors.append(quotingPropertyLine(DBTError(.project, issue.message, at: issue.location)))
            case .warning:
                session.log("[WARNING]: " + (issue.location.map { "\($0): " } ?? "") + issue.message)
            case .deprecation(let name):
                session.log(issue.message)
                deprecations.append(name)
            }
        }
        if !deprecations.isEmpty {
            session.log(LogEvent.deprecationsSummaryText(deprecations))
        }
    }

    /// The enabled models with a `time_spine:` whose standard granularity column has a `granularity` (the
    /// property file's checks made sure of it), in the manifest's order.
    private func timeSpines() -> [SemanticValidator.TimeSpine] {
        nodes.compactMap { node in
            guard node.resourceType == .model, let spine = node.timeSpine,
                  let column = spine["standard_granularity_column"]?.stringValue,
                  let granularity = node.columns.first(where: { $0.name == column })?.granularity,
                  let relation = node.relation else { return nil }
            var custom: [String] = []
            if case .list(let entries)? = spine["custom_granularities"] {
                custom = entries.compactMap { $0["name"]?.stringValue }
            }
            return SemanticValidator.TimeSpine(relationName: session.render(relation), granularity: granularity,
                                               customGranularities: custom, location: node.definedAt)
        }
    }
}
