/// MetricFlow's validations of the semantic layer, which dbt-core 1.10 runs once it has parsed a project that has
/// both metrics and semantic models (dbt-semantic-interfaces' rules): names, labels, entities, dimensions, measures,
/// metrics and saved queries, each finding with the message dbt prints. Errors fail the parse ("Semantic Manifest validation
/// failed."); warnings are printed and parsing goes on.
struct SemanticValidator {
    /// One finding, at the entry of the property file it is about.
    struct Issue {
        enum Level { case error, warning }
        var level: Level
        var message: String
        var location: FileLocation?
    }

    /// The enabled semantic models, metrics and saved queries of every package.
    let semanticModels: [SemanticModel]
    let metrics: [Metric]
    let savedQueries: [SavedQuery]

    /// The findings in the order dbt's rules run.
    func issues() -> [Issue] {
        guard !metrics.isEmpty, !semanticModels.isEmpty else { return [] }
        return percentileIssues() + derivedMetricIssues() + countExpressionIssues() + uniqueMeasureIssues()
            + dimensionConsistencyIssues() + elementConsistencyIssues() + cumulativeMetricIssues() + nameIssues()
            + aggregationTimeDimensionIssues() + nonAdditiveDimensionIssues() + defaultsIssues() + primaryEntityIssues()
            + dimensionPairingIssues() + filterIssues() + savedQueryIssues() + metricLabelIssues() + semanticModelLabelIssues()
            + entityLabelIssues() + conversionMetricIssues()
    }

    /// The time grains MetricFlow knows, finest first.
    static let granularities = ["nanosecond", "microsecond", "millisecond", "second", "minute", "hour", "day", "week",
                                "month", "quarter", "year"]

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
