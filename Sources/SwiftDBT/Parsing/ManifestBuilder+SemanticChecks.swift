/// MetricFlow's checks of the semantic layer that dbt-core 1.10 runs once it has parsed the project (its
/// "Semantic Manifest validation failed."), the ones a project meets first: a semantic model with dimensions
/// needs a primary entity, and a measure name belongs to one semantic model only.
extension ManifestBuilder {
    mutating func checkSemanticModels() {
        var measureOwners: [String: [String]] = [:]
        for model in semanticModels where model.enabled {
            if let problem = primaryEntityProblem(model) {
                errors.append(quotingPropertyLine(DBTError(.project, problem, at: model.location)))
            }
            for measure in model.measureNames {
                if let owners = measureOwners[measure] {
                    // dbt prints the earlier models' names as a Python list.
                    let names = "[" + owners.map { "'\($0)'" }.joined(separator: ", ") + "]"
                    errors.append(quotingPropertyLine(DBTError(
                        .project, "Found measure with name \(measure) in multiple semantic models with names (\(names))", at: model.location)))
                }
                measureOwners[measure, default: []].append(model.name)
            }
        }
    }

    /// A model with dimensions names its primary entity: an entity of type `primary`, or `primary_entity`.
    private func primaryEntityProblem(_ model: SemanticModel) -> String? {
        let definition = ConfigValue.dict(model.definition)
        guard case .list(let dimensions)? = definition["dimensions"], !dimensions.isEmpty,
              definition["primary_entity"]?.scalarString == nil else { return nil }
        guard case .list(let entities)? = definition["entities"],
              entities.contains(where: { $0["type"]?.scalarString?.lowercased() == "primary" }) else {
            return "The semantic model \(model.name) contains dimensions, but it does not define a primary entity. "
                + "Either add an entity with type PRIMARY or set a value for the primary_entity key."
        }
        return nil
    }
}
