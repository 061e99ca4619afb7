/// MetricFlow's measure rules: percentile parameters, a COUNT's expression, one semantic model per measure name,
/// the aggregation time dimension and the non-additive dimension.
extension SemanticValidator {
    func percentileIssues() -> [Issue] {
        var issues: [Issue] = []
        for model in semanticModels {
            for measure in model.measures {
                let name = measure.elementName
                let parameters = measure["agg_params"] ?? .null
                let percentile = parameters["percentile"]?.number
                switch measure.lowercased("agg") {
                case "percentile":
                    guard let percentile else {
                        issues.append(error("Measure '\(name)' uses a PERCENTILE aggregation, which requires agg_params.percentile "
                                            + "to be provided.", at: model.location))
                        continue
                    }
                    if percentile <= 0 || percentile >= 1 {
                        issues.append(error("Percentile aggregation parameter for measure '\(name)' is '\(percentile)', but must "
                                            + "be between 0 and 1 (non-inclusive). For example, to indicate the 65th percentile "
                                            + "value, set 'percentile: 0.65'. For percentile values of 0, please use MIN, for "
                                            + "percentile values of 1, please use MAX.", at: model.location))
                    }
                case "median":
                    if let percentile, percentile != 0.5 {
                        issues.append(error("Measure '\(name)' uses a MEDIAN aggregation, while percentile is set to "
                                            + "'\(percentile)', a conflicting value. Please remove the parameter or set to '0.5'.",
                                            at: model.location))
                    }
                    if parameters["use_discrete_percentile"]?.boolValue == true {
                        issues.append(error("Measure '\(name)' uses a MEDIAN aggregation, while use_discrete_percentile is set to "
                                            + "true. Please remove the parameter or set to False.", at: model.location))
                    }
                default:
                    let wrong = [("percentile", percentile.map { $0 != 0 } ?? false),
                                 ("use_discrete_percentile", parameters["use_discrete_percentile"]?.boolValue == true),
                                 ("use_approximate_percentile", parameters["use_approximate_percentile"]?.boolValue == true)]
                        .filter { $0.1 }.map { $0.0 }
                    if !wrong.isEmpty {
                        issues.append(error("Measure '\(name)' with aggregation '\(measure.lowercased("agg") ?? "")' uses agg_params "
                                            + "(\(wrong.joined(separator: ", "))) only relevant to Percentile measures.",
                                            at: model.location))
                    }
                }
            }
        }
        return issues
    }

    func countExpressionIssues() -> [Issue] {
        var issues: [Issue] = []
        for model in semanticModels {
            for measure in model.measures where measure.lowercased("agg") == "count" {
                let name = measure.elementName
                guard let expression = measure["expr"]?.stringValue else {
                    issues.append(error("Measure '\(name)' uses a COUNT aggregation, which requires an expr to be provided. "
                                        + "Provide 'expr: 1' if a count of all rows is desired.", at: model.location))
                    continue
                }
                if expression.lowercased().hasPrefix("distinct ") {
                    issues.append(error("Measure '\(name)' uses a 'count' aggregation with a DISTINCT expr: '\(expression). This "
                                        + "is not supported as it effectively converts an additive measure into a non-additive "
                                        + "one, and this could cause certain queries to return incorrect results. Please use "
                                        + "the count_distinct aggregation type.", at: model.location))
                }
            }
        }
        return issues
    }

    func uniqueMeasureIssues() -> [Issue] {
        var owners: [String: [String]] = [:]
        var issues: [Issue] = []
        for model in semanticModels {
            for measure in model.measureNames {
                if let earlier = owners[measure] {
                    // dbt prints the earlier models' names as a Python list.
                    let names = "[" + earlier.map { "'\($0)'" }.joined(separator: ", ") + "]"
                    issues.append(error("Found measure with name \(measure) in multiple semantic models with names (\(names))",
                                        at: model.location))
                }
                owners[measure, default: []].append(model.name)
            }
        }
        return issues
    }

    /// A measure aggregates over a time dimension of its semantic model: its own `agg_time_dimension` or the default.
    func aggregationTimeDimensionIssues() -> [Issue] {
        var issues: [Issue] = []
        for model in semanticModels {
            for measure in model.measures {
                let name = measure.elementName
                guard let dimension = measure["agg_time_dimension"]?.stringValue ?? model.defaultAggregationTimeDimension else {
                    issues.append(missingAggregationTimeDimension(name, "checking aggregation time dimension for a semantic model",
                                                                  in: model))
                    continue
                }
                if model.timeDimension(dimension) == nil {
                    issues.append(error("In semantic model '\(model.name)', measure '\(name)' has the aggregation time dimension "
                                        + "set to '\(dimension)', which is not a valid time dimension in the semantic model",
                                        at: model.location))
                }
            }
        }
        return issues
    }

    func nonAdditiveDimensionIssues() -> [Issue] {
        var issues: [Issue] = []
        for model in semanticModels {
            for measure in model.measures {
                guard let nonAdditive = measure["non_additive_dimension"], nonAdditive != .null else { continue }
                let name = measure.elementName
                let dimensionName = nonAdditive["name"]?.stringValue ?? ""
                guard measure["agg_time_dimension"]?.stringValue ?? model.defaultAggregationTimeDimension != nil else {
                    issues.append(missingAggregationTimeDimension(name, "ensuring that a measure's non_additive_dimensions is valid",
                                                                  in: model))
                    continue
                }
                guard let dimension = model.dimensions.first(where: { $0.elementName == dimensionName }) else {
                    issues.append(error("Measure '\(name)' has a non_additive_dimension with name '\(dimensionName)' that is not "
                                        + "defined as a dimension in semantic model '\(model.name)'.", at: model.location))
                    continue
                }
                if dimension.lowercased("type") != "time" {
                    // dbt's message has no space between "name" and the quoted name.
                    issues.append(error("Measure '\(name)' has a non_additive_dimension with name'\(dimensionName)' that is "
                                        + "defined as a categorical dimension which is not supported.", at: model.location))
                }
                if let choice = nonAdditive.lowercased("window_choice"), !["min", "max"].contains(choice) {
                    issues.append(error("Measure '\(name)' has a non_additive_dimension with an invalid 'window_choice' of "
                                        + "'\(choice)'. Only choices supported are 'min' or 'max'.", at: model.location))
                }
            }
        }
        return issues
    }

    /// dbt fails an assertion when a measure has no aggregation time dimension at all, and reports it as the rule's error.
    private func missingAggregationTimeDimension(_ measure: String, _ doing: String, in model: SemanticModel) -> Issue {
        error("An error occurred while \(doing) - AssertionError: Aggregation time dimension for measure \(measure) is not set! "
              + "This should either be set directly on the measure specification in the model, or else defaulted to the "
              + "primary time dimension in the data source containing the measure.", at: model.location)
    }
}

extension ConfigValue {
    /// An int or a double as a Double.
    var number: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .double(let value): return value
        case .string(let text): return Double(text)
        default: return nil
        }
    }
}
