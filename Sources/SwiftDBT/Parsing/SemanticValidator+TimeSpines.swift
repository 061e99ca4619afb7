/// The time spines MetricFlow reads: models with a `time_spine:` and the legacy `metricflow_time_spine` model.
/// dbt-core requires one at DAY or finer, warns about the legacy model without YAML configuration, and
/// MetricFlow warns about two spines of one grain and a time dimension finer than every spine.
extension SemanticValidator {
    /// A model's `time_spine:` as MetricFlow sees it.
    struct TimeSpine {
        /// The model's relation, as the manifest writes `relation_name`.
        var relationName: String
        /// The `granularity` of its standard granularity column.
        var granularity: String
        var customGranularities: [String]
        var location: FileLocation
    }

    /// The name of the model dbt takes as a day-grain time spine without YAML configuration.
    static let legacySpineName = "metricflow_time_spine"

    /// dbt-core's error when no time spine is at DAY or finer (the legacy model counts as DAY), or nil.
    func missingTimeSpineIssue() -> Issue? {
        var grains = timeSpines.map { Self.grainRank($0.granularity) }
        if legacySpine { grains.append(Self.grainRank("day")) }
        guard (grains.min() ?? Int.max) > Self.grainRank("day") else { return nil }
        return error("The semantic layer requires a time spine model with granularity DAY or smaller in the project, but none was "
                     + "found. Guidance on creating this model can be found on our docs site "
                     + "(https://docs.getdbt.com/docs/build/metricflow-time-spine).", at: semanticModels.first?.location)
    }

    /// dbt's deprecation of the legacy model when no configured spine is at DAY (unless the project sets
    /// `flags: require_yaml_configuration_for_mf_time_spines: true`).
    func legacySpineIssues() -> [Issue] {
        guard legacySpine, !requiresYAMLTimeSpines, !timeSpines.contains(where: { $0.granularity == "day" }) else { return [] }
        return [Issue(level: .deprecation(Self.legacySpineDeprecationName), message: Self.legacySpineDeprecation, location: nil)]
    }

    /// MetricFlow's TimeSpineRule: one spine per grain, and a spine at or below the finest time dimension (warnings).
    func timeSpineIssues() -> [Issue] {
        guard !timeSpines.isEmpty else { return [] }
        var issues: [Issue] = []
        var byGrain: [(grain: String, relations: [String])] = []
        for spine in timeSpines {
            if let index = byGrain.firstIndex(where: { $0.grain == spine.granularity }) {
                byGrain[index].relations.append(spine.relationName)
            } else {
                byGrain.append((spine.granularity, [spine.relationName]))
            }
        }
        let duplicates = byGrain.filter { $0.relations.count > 1 }
        if !duplicates.isEmpty {
            // dbt prints a Python dict of the grain's name to the relations.
            let listed = duplicates.map { "'\($0.grain.uppercased())': \(Self.pythonList($0.relations))" }.joined(separator: ", ")
            issues.append(warning("Only one time spine is supported per granularity. Got duplicates: {\(listed)}", at: timeSpines[0].location))
        }
        let dimensionGrains = semanticModels.flatMap(\.dimensions).compactMap { $0["type_params"]?["time_granularity"]?.stringValue }
        if let finestDimension = dimensionGrains.min(by: { Self.grainRank($0) < Self.grainRank($1) }),
           let finestSpine = timeSpines.map(\.granularity).min(by: { Self.grainRank($0) < Self.grainRank($1) }),
           Self.grainRank(finestDimension) < Self.grainRank(finestSpine) {
            issues.append(warning("To avoid unexpected query errors, configuring a time spine at or below the smallest time dimension "
                                  + "granularity is recommended. Smallest time dimension granularity: \(finestDimension.uppercased()); "
                                  + "Smallest time spine granularity: \(Self.enumText("TimeGranularity", finestSpine))",
                                  at: timeSpines[0].location))
        }
        return issues
    }

    /// The custom granularities of every time spine, in order.
    var customGranularities: [String] { timeSpines.flatMap(\.customGranularities) }

    /// Names of custom granularities (part of MetricFlow's name rule): valid, not a semantic model's, its element's or
    /// a metric's name, and unique.
    func customGranularityNameIssues() -> [Issue] {
        var taken: [String: String] = [:]
        for model in semanticModels {
            for measure in model.measures { taken[measure.elementName] = "measure" }
            for entity in model.entities { taken[entity.elementName] = "entity" }
            for dimension in model.dimensions { taken[dimension.elementName] = "dimension" }
        }
        for metric in metrics { taken[metric.name] = "metric" }
        for model in semanticModels { taken[model.name] = "semantic_model" }
        var issues: [Issue] = []
        var seen: Set<String> = []
        var duplicates: [String] = []
        for spine in timeSpines {
            for name in spine.customGranularities {
                issues += nameProblems(name).map { error($0, at: spine.location) }
                if let kind = taken[name] {
                    issues.append(error("Can't use name `\(name)` for a custom granularity when it was already used for a \(kind).",
                                        at: spine.location))
                }
                if !seen.insert(name).inserted, !duplicates.contains(name) { duplicates.append(name) }
            }
        }
        if !duplicates.isEmpty, let last = timeSpines.last {
            // dbt prints the names as a Python set.
            issues.append(error("Custom granularity names must be unique, but found duplicate custom granularities with the names "
                                + "{\(duplicates.map { "'\($0)'" }.joined(separator: ", "))}.", at: last.location))
        }
        return issues
    }

    /// A grain's place from finest (0) to coarsest; a grain MetricFlow does not know sorts last.
    static func grainRank(_ grain: String) -> Int {
        granularities.firstIndex(of: grain.lowercased()) ?? granularities.count
    }

    /// How Python prints a list of texts (`['a', 'b']`).
    static func pythonList(_ items: [String]) -> String {
        "[" + items.map { "'\($0)'" }.joined(separator: ", ") + "]"
    }

    static let legacySpineDeprecationName = "MFTimespineWithoutYamlConfigurationDeprecation"

    /// dbt's deprecation text, wrapped as dbt wraps it.
    static let legacySpineDeprecation = """
        [WARNING]: Time spines without YAML configuration are in the process of
        deprecation. Please add YAML configuration for your 'metricflow_time_spine'
        model. See documentation on MetricFlow time spines:
        https://docs.getdbt.com/docs/build/metricflow-time-spine and behavior change
        documentation:
        https://docs.getdbt.com/reference/global-configs/behavior-changes.
        """
}
