/// `semantic_models:`, `metrics:` and `saved_queries:` entries, read into dbt-core 1.10's manifest shape
/// (defaults filled as dbt fills them); references between them are resolved by the manifest builder.
/// dbt-core 1.10.23 also writes `type_params.metric_aggregation_params` and `cumulative_type_params.metric`
/// (always null here), which its published manifest v12 schema does not allow: they are left out, so that
/// the manifest validates.
extension PropertyFileParser {
    static func semanticModel(_ entry: YAMLNode, file: String) throws -> SemanticModel {
        let name = try name(of: entry, "semantic model")
        guard let model = entry["model"], let modelText = model.scalarText, !modelText.isEmpty else {
            throw DBTError(.project, "semantic model '\(name)' needs a 'model', such as \"ref('orders')\"", at: entry.location)
        }
        let measures = try list(entry, "measures")
        let defaults = entry["defaults"].flatMap { $0.isNull ? nil : $0 }
        let definition: [(key: String, value: ConfigValue)] = [
            ("defaults", defaults.map { .dict([("agg_time_dimension", scalar($0["agg_time_dimension"]))]) } ?? .null),
            ("entities", .list(try list(entry, "entities").map { entity in
                try element(entity, "entity", [("type", scalar(entity["type"])), ("description", scalar(entity["description"])),
                                               ("label", scalar(entity["label"])), ("role", scalar(entity["role"])),
                                               ("expr", scalar(entity["expr"]))])
            })),
            ("measures", .list(try measures.map { measure in
                try element(measure, "measure", [
                    ("agg", scalar(measure["agg"])), ("description", scalar(measure["description"])), ("label", scalar(measure["label"])),
                    ("create_metric", measure["create_metric"]?.value ?? .bool(false)), ("expr", scalar(measure["expr"])),
                    ("agg_params", aggregationParameters(measure["agg_params"])),
                    ("non_additive_dimension", nonAdditiveDimension(measure["non_additive_dimension"])),
                    ("agg_time_dimension", scalar(measure["agg_time_dimension"])),
                ])
            })),
            ("dimensions", .list(try list(entry, "dimensions").map { dimension in
                let typeParams = dimension["type_params"].flatMap { $0.isNull ? nil : $0 }
                return try element(dimension, "dimension", [
                    ("type", scalar(dimension["type"])), ("description", scalar(dimension["description"])),
                    ("label", scalar(dimension["label"])), ("is_partition", dimension["is_partition"]?.value ?? .bool(false)),
                    ("type_params", typeParams.map { .dict([("time_granularity", scalar($0["time_granularity"])),
                                                            ("validity_params", $0["validity_params"]?.value ?? .null)]) } ?? .null),
                    ("expr", scalar(dimension["expr"])), ("metadata", .null),
                ])
            })),
        ]
        let config = entry["config"]
        return SemanticModel(
            uniqueID: "", name: name, packageName: "", originalFilePath: file, model: modelText, modelAt: model.location,
            description: try optionalText(entry, "description"), label: try optionalText(entry, "label"),
            measureNames: try measures.map { try self.name(of: $0, "measure") }, definition: definition
                + [("primary_entity", scalar(entry["primary_entity"]))],
            enabled: config?["enabled"]?.value.boolValue ?? true, group: try config.flatMap { try optionalText($0, "group") },
            meta: config?["meta"]?.value ?? .dict([]), unrenderedConfig: config?.value ?? .dict([]), location: entry.location)
    }

    static func metric(_ entry: YAMLNode, file: String) throws -> Metric {
        let name = try name(of: entry, "metric")
        guard let typeText = entry["type"]?.scalarText, let kind = Metric.Kind(rawValue: typeText.lowercased()) else {
            throw DBTError(.project, "metric '\(name)' needs a 'type': one of \(Metric.Kind.allCases.map(\.rawValue).joined(separator: ", "))",
                           at: (entry["type"] ?? entry).location)
        }
        let params = entry["type_params"] ?? entry
        let measure = try params["measure"].flatMap { $0.isNull ? nil : try measureInput($0) }
        let numerator = try params["numerator"].flatMap { $0.isNull ? nil : try metricInput($0) }
        let denominator = try params["denominator"].flatMap { $0.isNull ? nil : try metricInput($0) }
        let metrics = try list(params, "metrics").map(metricInput)
        var measures: [ConfigValue] = []
        var conversion = ConfigValue.null
        switch kind {
        case .simple, .cumulative:
            // dbt-core 1.10 fails an assertion with this text (and the metric's repr in place of its name).
            guard let measure else {
                throw DBTError(.project, "Metric '\(name)' should have a measure defined, but it does not.", at: params.location)
            }
            measures = [measure]
        case .ratio:
            guard numerator != nil, denominator != nil else {
                throw DBTError(.project, "Invalid ratio metric. Both a numerator and denominator must be specified", at: params.location)
            }
        case .derived:
            break
        case .conversion:
            guard let node = params["conversion_type_params"], node.isMapping,
                  let base = node["base_measure"], let converted = node["conversion_measure"] else {
                throw DBTError(.project, "conversion metric '\(name)' needs 'type_params.conversion_type_params' with "
                               + "'base_measure', 'conversion_measure' and 'entity'", at: params.location)
            }
            measures = [try measureInput(base), try measureInput(converted)]
            conversion = .dict([("base_measure", measures[0]), ("conversion_measure", measures[1]), ("entity", scalar(node["entity"])),
                                ("calculation", .string(node["calculation"]?.scalarText ?? "conversion_rate")),
                                ("window", try window(node["window"])), ("constant_properties", node["constant_properties"]?.value ?? .null)])
        }
        var cumulative = ConfigValue.null
        if kind == .cumulative {
            let node = params["cumulative_type_params"]
            cumulative = .dict([("window", try window(node?["window"] ?? params["window"])),
                                ("grain_to_date", scalar(node?["grain_to_date"] ?? params["grain_to_date"])),
                                ("period_agg", .string(node?["period_agg"]?.scalarText ?? "first"))])
        }
        let typeParams: [(key: String, value: ConfigValue)] = [
            ("measure", measure ?? .null), ("input_measures", .list([])), ("numerator", numerator ?? .null),
            ("denominator", denominator ?? .null), ("expr", scalar(params["expr"])), ("window", try window(params["window"])),
            ("grain_to_date", scalar(params["grain_to_date"])), ("metrics", .list(metrics)),
            ("conversion_type_params", conversion), ("cumulative_type_params", cumulative),
        ]
        let inputs = kind == .ratio ? [numerator, denominator].compactMap { $0 } : kind == .derived ? metrics : []
        let config = entry["config"]
        var meta = entry["meta"]?.value ?? .dict([])
        if let configMeta = config?["meta"]?.value, configMeta != .dict([]) { meta = configMeta }
        return Metric(
            uniqueID: "", name: name, packageName: "", originalFilePath: file, kind: kind,
            label: try optionalText(entry, "label") ?? name, description: try optionalText(entry, "description") ?? "",
            typeParams: typeParams, measures: measures, inputMetrics: inputs.compactMap { $0["name"]?.scalarString },
            filter: try whereFilter(entry["filter"]), timeGranularity: try optionalText(entry, "time_granularity"),
            tags: try list(entry, "tags").compactMap(\.scalarText),
            enabled: config?["enabled"]?.value.boolValue ?? true, group: try config.flatMap { try optionalText($0, "group") },
            meta: meta, unrenderedConfig: config?.value ?? .dict([]), location: entry.location)
    }

    static func savedQuery(_ entry: YAMLNode, file: String) throws -> SavedQuery {
        let name = try name(of: entry, "saved query")
        let params = entry["query_params"]
        let metrics = try params.map { try list($0, "metrics").compactMap(\.scalarText) } ?? []
        let queryParams = ConfigValue.dict([
            ("metrics", .list(metrics.map(ConfigValue.string))),
            ("group_by", .list(try params.map { try list($0, "group_by").map(\.value) } ?? [])),
            ("where", try whereFilter(params?["where"])),
            ("order_by", .list(try params.map { try list($0, "order_by").map(\.value) } ?? [])),
            ("limit", params?["limit"]?.value ?? .null),
        ])
        let exports = try list(entry, "exports").map { export in
            (name: try self.name(of: export, "export"), config: try self.config(export["config"]))
        }
        let config = entry["config"]
        return SavedQuery(
            uniqueID: "", name: name, packageName: "", originalFilePath: file,
            description: try optionalText(entry, "description"), label: try optionalText(entry, "label"),
            metrics: metrics, queryParams: queryParams, exports: exports, config: try self.config(config),
            enabled: config?["enabled"]?.value.boolValue ?? true, group: try config.flatMap { try optionalText($0, "group") },
            meta: config?["meta"]?.value ?? .dict([]), tags: try list(entry, "tags").compactMap(\.scalarText),
            location: entry.location)
    }

    /// An entity, measure or dimension: its name, the fields given, and `config.meta`.
    private static func element(_ node: YAMLNode, _ what: String, _ fields: [(key: String, value: ConfigValue)]) throws -> ConfigValue {
        guard node.isMapping else {
            throw DBTError(.project, "each \(what) must be a mapping, not \(node.value.kindDescription)", at: node.location)
        }
        return .dict([("name", .string(try name(of: node, what)))] + fields
                     + [("config", .dict([("meta", node["config"]?["meta"]?.value ?? .dict([]))]))])
    }

    /// A measure's `agg_params` with dbt's defaults filled in (no percentile, neither discrete nor approximate).
    private static func aggregationParameters(_ node: YAMLNode?) -> ConfigValue {
        guard let node, node.isMapping else { return node?.value ?? .null }
        return .dict([("percentile", node["percentile"]?.value ?? .null),
                      ("use_discrete_percentile", node["use_discrete_percentile"]?.value ?? .bool(false)),
                      ("use_approximate_percentile", node["use_approximate_percentile"]?.value ?? .bool(false))])
    }

    /// A measure's `non_additive_dimension` with dbt's default `window_groupings` (none).
    private static func nonAdditiveDimension(_ node: YAMLNode?) -> ConfigValue {
        guard let node, node.isMapping else { return node?.value ?? .null }
        return .dict([("name", scalar(node["name"])), ("window_choice", scalar(node["window_choice"])),
                      ("window_groupings", node["window_groupings"]?.value ?? .list([]))])
    }

    /// A scalar as text (dbt keeps `expr: 1` as "1"), or null.
    private static func scalar(_ node: YAMLNode?) -> ConfigValue {
        node?.scalarText.map(ConfigValue.string) ?? .null
    }

    /// A measure a metric reads: a name, or a mapping with `name`, `filter`, `alias`, `join_to_timespine`, `fill_nulls_with`.
    private static func measureInput(_ node: YAMLNode) throws -> ConfigValue {
        if let name = node.scalarText {
            return .dict([("name", .string(name)), ("filter", .null), ("alias", .null), ("join_to_timespine", .bool(false)),
                          ("fill_nulls_with", .null)])
        }
        return .dict([("name", .string(try name(of: node, "measure"))), ("filter", try whereFilter(node["filter"])),
                      ("alias", scalar(node["alias"])), ("join_to_timespine", node["join_to_timespine"]?.value ?? .bool(false)),
                      ("fill_nulls_with", node["fill_nulls_with"]?.value ?? .null)])
    }

    /// A metric another reads: a name, or a mapping with `name`, `filter`, `alias`, `offset_window`, `offset_to_grain`.
    private static func metricInput(_ node: YAMLNode) throws -> ConfigValue {
        if let name = node.scalarText {
            return .dict([("name", .string(name)), ("filter", .null), ("alias", .null), ("offset_window", .null),
                          ("offset_to_grain", .null)])
        }
        return .dict([("name", .string(try name(of: node, "metric input"))), ("filter", try whereFilter(node["filter"])),
                      ("alias", scalar(node["alias"])), ("offset_window", try window(node["offset_window"])),
                      ("offset_to_grain", scalar(node["offset_to_grain"]))])
    }

    /// `filter:`/`where:` (one template or a list of them) as `{where_filters: [{where_sql_template: ...}]}`.
    private static func whereFilter(_ node: YAMLNode?) throws -> ConfigValue {
        guard let node, !node.isNull else { return .null }
        let templates = node.isSequence ? node.items : [node]
        return .dict([("where_filters", .list(try templates.map { item in
            guard let text = item.scalarText else {
                throw DBTError(.project, "a filter must be text or a list of texts, not \(item.value.kindDescription)", at: item.location)
            }
            return .dict([("where_sql_template", .string(text))])
        }))])
    }

    /// The time grains whose plural dbt reads as the grain (`7 days`).
    private static let grains: Set<String> = ["nanosecond", "microsecond", "millisecond", "second", "minute", "hour", "day",
                                              "week", "month", "quarter", "year"]

    /// A window `<count> <granularity>` as `{count, granularity}`, with dbt's errors.
    private static func window(_ node: YAMLNode?) throws -> ConfigValue {
        guard let node, !node.isNull, let written = node.scalarText else { return .null }
        let parts = written.lowercased().split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else {
            throw DBTError(.project, "Invalid window (\(written)) in cumulative/conversion metric. Should be of the form "
                           + "`<count> <granularity>`, e.g., `28 days`", at: node.location)
        }
        var granularity = parts[1]
        if granularity.hasSuffix("s"), grains.contains(String(granularity.dropLast())) { granularity.removeLast() }
        guard !parts[0].isEmpty, parts[0].allSatisfy(\.isASCII), parts[0].allSatisfy(\.isNumber), let count = Int(parts[0]) else {
            throw DBTError(.project, "Invalid count (\(parts[0])) in cumulative/conversion metric window string: (\(written))",
                           at: node.location)
        }
        return .dict([("count", .int(count)), ("granularity", .string(granularity))])
    }
}
