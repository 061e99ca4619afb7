/// MetricFlow's validations of the semantic layer, which dbt-core 1.10 runs once it has parsed a project that has
/// both metrics and semantic models (dbt-semantic-interfaces' rules): names, labels, entities, dimensions, measures,
/// metrics, saved queries and time spines, each finding with the message dbt prints. Errors fail the parse ("Semantic
/// Manifest validation failed."); warnings and dbt's deprecations are printed and parsing goes on.
struct SemanticValidator {
    /// One finding, at the entry of the property file it is about.
    struct Issue {
        enum Level {
            case error, warning
            /// One of dbt's deprecations, by its event name: its message is dbt's whole text.
            case deprecation(String)
        }
        var level: Level
        var message: String
        var location: FileLocation?
    }

    /// The enabled semantic models, metrics and saved queries of every package.
    let semanticModels: [SemanticModel]
    let metrics: [Metric]
    let savedQueries: [SavedQuery]
    /// The models with a `time_spine:`, whether a `metricflow_time_spine` model exists, and the project's
    /// `flags: require_yaml_configuration_for_mf_time_spines`.
    var timeSpines: [TimeSpine] = []
    var legacySpine = false
    var requiresYAMLTimeSpines = false

    /// The findings in the order dbt prints them: with semantic models, a time spine at DAY or finer first (its
    /// error alone, even without metrics); with metrics too, the deprecation of a legacy spine, then dbt's rules.
    func issues() -> [Issue] {
        guard !semanticModels.isEmpty else { return [] }
        if let missing = missingTimeSpineIssue() { return [missing] }
        guard !metrics.isEmpty else { return [] }
        return legacySpineIssues() + percentileIssues() + derivedMetricIssues() + countExpressionIssues() + uniqueMeasureIssues()
            + validityWindowIssues() + dimensionConsistencyIssues() + elementConsistencyIssues() + naturalEntityIssues()
            + cumulativeMetricIssues() + nameIssues()
            + aggregationTimeDimensionIssues() + nonAdditiveDimensionIssues() + defaultsIssues() + primaryEntityIssues()
            + dimensionPairingIssues() + filterIssues() + savedQueryIssues() + metricLabelIssues() + semanticModelLabelIssues()
            + entityLabelIssues() + conversionMetricIssues() + timeSpineIssues()
    }

    /// The time grains MetricFlow knows, finest first.
    static let granularities = ["nanosecond", "microsecond", "millisecond", "second", "minute", "hour", "day", "week",
                                "month", "quarter", "year"]

    /// The grains MetricFlow knows and the time spines' custom granularities.
    var knownGranularities: [String] { Self.granularities + customGranularities }

    func error(_ message: String, at location: FileLocation?) -> Issue {
        Issue(level: .error, message: message, location: location)
    }

    func warning(_ message: String, at location: FileLocation?) -> Issue {
        Issue(level: .warning, message: message, location: location)
    }
}

/// A semantic model's entities, dimensions and measures as the manifest holds them.
extension SemanticModel {
    var entities: [ConfigValue] { elements("entities") }
    var dimensions: [ConfigValue] { elements("dimensions") }
    var measures: [ConfigValue] { elements("measures") }

    /// `defaults.agg_time_dimension`, or nil.
    var defaultAggregationTimeDimension: String? {
        ConfigValue.dict(definition)["defaults"]?["agg_time_dimension"]?.stringValue
    }

    /// `primary_entity:`, or nil.
    var primaryEntityField: String? { ConfigValue.dict(definition)["primary_entity"]?.stringValue }

    /// Its primary entity: `primary_entity`, or its entity of type primary.
    var primaryEntity: String? {
        primaryEntityField ?? entities.first(where: { $0.lowercased("type") == "primary" })?["name"]?.stringValue
    }

    /// The dimension of that name if it is a time dimension.
    func timeDimension(_ name: String) -> ConfigValue? {
        dimensions.first { $0["name"]?.stringValue == name && $0.lowercased("type") == "time" }
    }

    private func elements(_ key: String) -> [ConfigValue] {
        guard case .list(let items)? = ConfigValue.dict(definition)[key] else { return [] }
        return items
    }
}

extension ConfigValue {
    /// The text under `key`, lowercased (YAML's `PRIMARY` and `primary` are one entity type).
    func lowercased(_ key: String) -> String? { self[key]?.stringValue?.lowercased() }

    /// The name of an element.
    var elementName: String { self["name"]?.stringValue ?? "" }
}
