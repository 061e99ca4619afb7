/// A `metrics:` entry of the semantic layer: what it computes from measures or other metrics.
public struct Metric: Sendable {
    /// The metric types dbt 1.10 knows.
    public enum Kind: String, Sendable, CaseIterable {
        case simple, ratio, cumulative, derived, conversion
    }

    /// `metric.<package>.<name>`.
    public var uniqueID: String
    public var name: String
    public var packageName: String
    /// The property file, relative to the package root.
    public var originalFilePath: String
    public var kind: Kind
    public var label: String
    public var description: String
    /// `type_params` in the manifest's shape, `input_measures` left empty until the builder fills them.
    public var typeParams: [(key: String, value: ConfigValue)]
    /// Measures named directly (simple and cumulative: one; conversion: base then conversion measure).
    public var measures: [ConfigValue]
    /// Metrics named as inputs (ratio: numerator and denominator; derived: its `metrics`).
    public var inputMetrics: [String]
    /// `filter` as `{where_filters: [...]}`, or null.
    public var filter: ConfigValue
    public var timeGranularity: String?
    public var tags: [String]
    public var enabled: Bool
    public var group: String?
    public var meta: ConfigValue
    /// Its `config:` as written (the manifest's `unrendered_config`, which `state:modified` compares).
    public var unrenderedConfig: ConfigValue = .dict([])
    /// The input measures (through input metrics too), in dbt's order without repeats.
    public var inputMeasures: [ConfigValue] = []
    /// Unique IDs of the semantic models of its measures, or of its input metrics.
    public var dependsOn: [String] = []
    public var location: FileLocation
}
