/// MetricFlow's rules on slowly changing semantic models: a validity window is two time dimensions with
/// `validity_params`, one `is_start` and one `is_end`, in a semantic model with a natural entity, no primary or
/// unique entity and no measures; a natural entity needs a validity window, and there is at most one.
extension SemanticValidator {
    func validityWindowIssues() -> [Issue] {
        var issues: [Issue] = []
        for model in semanticModels {
            let windowed = model.dimensions.filter { ($0["type_params"]?["validity_params"] ?? .null) != .null }
            guard !windowed.isEmpty else { continue }
            let names = windowed.map(\.elementName)
            let starts = windowed.filter { $0["type_params"]?["validity_params"]?["is_start"]?.boolValue == true }.map(\.elementName)
            let ends = windowed.filter { $0["type_params"]?["validity_params"]?["is_end"]?.boolValue == true }.map(\.elementName)
            let requirements = "Semantic models using dimension validity params to define a validity window must have exactly two time "
                + "dimensions with validity params specified - one marked `is_start` and the other marked `is_end`."
            if windowed.count == 1, starts.count == 1, ends.count == 1 {
                issues.append(error("Semantic model \(model.name) has a single validity param dimension that defines its window: "
                                    + "`\(names[0])`. This is not a currently supported configuration! \(requirements) If you have "
                                    + "one column defining a window, as in a daily snapshot table, you can define a separate "
                                    + "dimension and increment the time value in the `expr` field as a work-around.", at: model.location))
            } else if windowed.count != 2 {
                issues.append(error("Semantic model \(model.name) has \(windowed.count) dimensions defined with validity params. They "
                                    + "are: \(Self.pythonList(names)). There must be either zero or two! If you wish to define a "
                                    + "validity window for this semantic model, please follow these requirements: \(requirements)",
                                    at: model.location))
            } else if starts.count != 1 || ends.count != 1 {
                // dbt empties its list of start dimensions before printing it.
                issues.append(error("Semantic model \(model.name) has two validity param dimensions defined, but does not have "
                                    + "exactly one each marked with is_start and is_end! Dimensions: \(Self.pythonList(names)). "
                                    + "is_start dimensions: []. is_end dimensions: \(Self.pythonList(ends)). \(requirements)",
                                    at: model.location))
            }
            let keys = model.entities.filter { ["primary", "unique"].contains($0.lowercased("type") ?? "") }.map(\.elementName)
            if !model.entities.contains(where: { $0.lowercased("type") == "natural" }) {
                issues.append(error("Semantic model \(model.name) has validity param dimensions defined, but does not have an entity "
                                    + "with type `natural` set. The natural key for this semantic model is what we use to process a "
                                    + "validity window join. Primary or unique entities, if any, might be suitable for use as "
                                    + "natural keys: (\(Self.pythonList(keys))).", at: model.location))
            }
            if !keys.isEmpty {
                issues.append(error("Semantic model \(model.name) has validity param dimensions defined and also has one or more "
                                    + "entities designated as `primary` or `unique`. This is not yet supported, as we do not "
                                    + "currently process joins against these key types for semantic models with validity windows "
                                    + "specified.", at: model.location))
            }
            if !model.measures.isEmpty {
                issues.append(error("Semantic model \(model.name) has both measures and validity param dimensions defined. This is "
                                    + "not currently supported! Please remove either the measures or the validity params. Measure "
                                    + "names: \(Self.pythonList(model.measures.map(\.elementName))). Validity param dimension "
                                    + "names: \(Self.pythonList(names)).", at: model.location))
            }
        }
        return issues
    }

    func naturalEntityIssues() -> [Issue] {
        var issues: [Issue] = []
        for model in semanticModels {
            var natural: [String] = []
            for entity in model.entities where entity.lowercased("type") == "natural" && !natural.contains(entity.elementName) {
                natural.append(entity.elementName)
            }
            // dbt prints the names as a Python set.
            let listed = "{" + natural.map { "'\($0)'" }.joined(separator: ", ") + "}"
            if natural.count > 1 {
                issues.append(error("Semantic models can have at most one natural entity, but semantic model `\(model.name)` has "
                                    + "\(natural.count) distinct natural entities set! \(listed).", at: model.location))
            }
            if !natural.isEmpty, !model.dimensions.contains(where: { ($0["type_params"]?["validity_params"] ?? .null) != .null }) {
                issues.append(error("The use of `natural` entities is currently supported only in conjunction with a validity window "
                                    + "defined in the set of time dimensions associated with the semantic model. Semantic model "
                                    + "`\(model.name)` uses a natural entity (\(listed)) but does not define a validity window!",
                                    at: model.location))
            }
        }
        return issues
    }
}
