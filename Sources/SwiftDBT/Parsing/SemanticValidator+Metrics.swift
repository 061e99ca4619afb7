/// MetricFlow's metric rules: a derived metric's inputs (there, used in its expression, aliases unique, one offset),
/// a cumulative metric's window or grain to date, and a conversion metric's entity and measures.
extension SemanticValidator {
    func derivedMetricIssues() -> [Issue] {
        let names = Set(metrics.map(\.name))
        let derived = metrics.filter { $0.kind == .derived }
        var issues: [Issue] = []
        for metric in derived {
            if metric.metricInputs.isEmpty {
                issues.append(error("No input metrics found for derived metric '\(metric.name)'. Please add metrics to "
                                    + "type_params.metrics.", at: metric.location))
            }
            for input in metric.metricInputs where !names.contains(input.elementName) {
                issues.append(error("For metric: \(metric.name), input metric: '\(input.elementName)' does not exist as a "
                                    + "configured metric in the model.", at: metric.location))
            }
        }
        for metric in derived {
            issues += aliasIssues(metric) + offsetIssues(metric) + expressionIssues(metric)
        }
        return issues
    }

    /// An input's alias is a valid name and not another input's name.
    private func aliasIssues(_ metric: Metric) -> [Issue] {
        var used = Set(metric.metricInputs.map(\.elementName))
        var issues: [Issue] = []
        for input in metric.metricInputs {
            guard let alias = input["alias"]?.stringValue else { continue }
            issues += nameProblems(alias).map { error($0, at: metric.location) }
            if used.contains(alias) {
                issues.append(error("Alias '\(alias)' for input metric: '\(input.elementName)' is already being used. "
                                    + "Please choose another alias.", at: metric.location))
                used.insert(alias)
            }
        }
        return issues
    }

    /// An input is offset by a window or to a standard grain, not both.
    private func offsetIssues(_ metric: Metric) -> [Issue] {
        var issues: [Issue] = []
        for input in metric.metricInputs {
            if let window = input["offset_window"], window != .null {
                issues += windowIssues(window, of: metric, allowingCustom: true)
            }
            let grain = input["offset_to_grain"]?.stringValue
            if let grain, !Self.granularities.contains(grain) {
                issues.append(error("Invalid time granularity found in `offset_to_grain`: '\(grain)'. \(Self.customGrainNote)",
                                    at: metric.location))
            }
            if (input["offset_window"] ?? .null) != .null, grain != nil {
                issues.append(error("Both offset_window and offset_to_grain set for derived metric '\(metric.name)' on input "
                                    + "metric '\(input.elementName)'. Please set one or the other.", at: metric.location))
            }
        }
        return issues
    }

    /// The expression names every input (by its alias if it has one): warnings.
    private func expressionIssues(_ metric: Metric) -> [Issue] {
        guard let expression = metric.typeParameter("expr")?.stringValue, !expression.isEmpty else {
            return [warning("No `expr` set for derived metric \(metric.name). Please add an `expr` that references all "
                            + "input metrics.", at: metric.location)]
        }
        return metric.metricInputs.compactMap { input in
            let name = input["alias"]?.stringValue ?? input.elementName
            guard !expression.contains(name) else { return nil }
            return warning("Input metric '\(name)' is not used in `expr`: '\(expression)' for derived metric "
                           + "'\(metric.name)'. Please update the `expr` or remove the input metric.", at: metric.location)
        }
    }

    func cumulativeMetricIssues() -> [Issue] {
        var issues: [Issue] = []
        for metric in metrics where metric.kind == .cumulative {
            let nested = metric.typeParameter("cumulative_type_params") ?? .null
            let window = nested["window"].flatMap { $0 == .null ? nil : $0 } ?? metric.typeParameter("window")
            let grain = nested["grain_to_date"]?.stringValue ?? metric.typeParameter("grain_to_date")?.stringValue
            if let grain, !Self.granularities.contains(grain) {
                issues.append(error("Invalid time granularity found in `grain_to_date`: '\(grain)'. \(Self.customGrainNote)",
                                    at: metric.location))
            }
            if let window, window != .null, grain != nil {
                issues.append(error("Both window and grain_to_date set for cumulative metric. Please set one or the other.",
                                    at: metric.location))
            }
            if let window {
                issues += windowIssues(window, of: metric, allowingCustom: false)
            }
        }
        return issues
    }

    /// Each constant property names an entity or dimension of the base (`base_property`) and of the conversion
    /// (`conversion_property`) semantic model.
    private func constantPropertyIssues(_ properties: ConfigValue?, of metric: Metric, base: SemanticModel,
                                        conversion: SemanticModel) -> [Issue] {
        guard case .list(let entries)? = properties else { return [] }
        var issues: [Issue] = []
        for (key, model) in [("base_property", base), ("conversion_property", conversion)] {
            let linkable = model.entities.map(\.elementName) + model.dimensions.map(\.elementName)
            for name in entries.compactMap({ $0[key]?.stringValue }) where !linkable.contains(name) {
                issues.append(error("The provided constant property: \(name), cannot be found in semantic model \(model.name)",
                                    at: metric.location))
            }
        }
        return issues
    }

    /// A window's grain (a plural read as its singular) is one MetricFlow knows or, where allowed, a custom granularity.
    private func windowIssues(_ window: ConfigValue, of metric: Metric, allowingCustom: Bool) -> [Issue] {
        guard let count = window["count"], let written = window["granularity"]?.stringValue else { return [] }
        let known = knownGranularities
        var grain = written
        if grain.hasSuffix("s"), known.contains(String(grain.dropLast())) { grain.removeLast() }
        let message = "Invalid time granularity '\(grain)' in window: '\(count.scalarString ?? "") \(written)'"
        if !known.contains(grain) {
            return [error(message, at: metric.location)]
        }
        if !allowingCustom, !Self.granularities.contains(grain) {
            return [error(message + " " + Self.customGrainNote, at: metric.location)]
        }
        return []
    }

    func conversionMetricIssues() -> [Issue] {
        var issues: [Issue] = []
        for metric in metrics where metric.kind == .conversion {
            let parameters = metric.typeParameter("conversion_type_params") ?? .null
            let base = parameters["base_measure"]?["name"]?.stringValue ?? ""
            let converted = parameters["conversion_measure"]?["name"]?.stringValue ?? ""
            guard let baseModel = semanticModels.first(where: { $0.measureNames.contains(base) }),
                  let convertedModel = semanticModels.first(where: { $0.measureNames.contains(converted) }) else {
                issues.append(error("For metric '\(metric.name)', conversion measures specified was not found.", at: metric.location))
                continue
            }
            let entity = parameters["entity"]?.stringValue ?? ""
            if !baseModel.entities.contains(where: { $0.elementName == entity }) {
                issues.append(error("Entity: \(entity) not found in base semantic model: \(baseModel.name).", at: metric.location))
            }
            if !convertedModel.entities.contains(where: { $0.elementName == entity }) {
                issues.append(error("Entity: \(entity) not found in conversion semantic model: \(convertedModel.name).",
                                    at: metric.location))
            }
            for (name, model) in [(base, baseModel), (converted, convertedModel)] {
                guard let measure = model.measures.first(where: { $0.elementName == name }) else { continue }
                let aggregation = measure.lowercased("agg") ?? ""
                if aggregation != "count", aggregation != "count_distinct", aggregation != "sum" || measure["expr"]?.stringValue != "1" {
                    issues.append(error("For conversion metrics, the measure must be COUNT/SUM(1)/COUNT_DISTINCT. Measure: \(name) "
                                        + "is agg type: \(Self.enumText("AggregationType", aggregation))", at: metric.location))
                }
            }
            if let window = parameters["window"], window != .null {
                issues += windowIssues(window, of: metric, allowingCustom: false)
            }
            issues += constantPropertyIssues(parameters["constant_properties"], of: metric, base: baseModel, conversion: convertedModel)
            if (parameters["conversion_measure"]?["filter"] ?? .null) != .null {
                issues.append(warning("Measure input \(converted) has a filter. For conversion metrics, filtering on a conversion "
                                      + "input measure is not fully supported yet.", at: metric.location))
            }
        }
        return issues
    }

    /// What dbt adds to a granularity it does not know where only standard ones are allowed.
    static let customGrainNote = "Custom granularities are not supported for this field yet."
}

extension Metric {
    /// The value under `key` of `type_params`.
    func typeParameter(_ key: String) -> ConfigValue? { ConfigValue.dict(typeParams)[key] }

    /// `type_params.metrics`.
    var metricInputs: [ConfigValue] {
        guard case .list(let items)? = typeParameter("metrics") else { return [] }
        return items
    }
}
