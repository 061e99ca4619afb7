/// MetricFlow's rules on a semantic model's entities and dimensions: one primary entity, a default aggregation time
/// dimension that exists, one type per dimension name, one kind per element name across models, and a dimension
/// paired once with a primary entity.
extension SemanticValidator {
    func primaryEntityIssues() -> [Issue] {
        var issues: [Issue] = []
        for model in semanticModels {
            let primaries = model.entities.filter { $0.lowercased("type") == "primary" }.map(\.elementName)
            if primaries.count > 1 {
                issues.append(error("Semantic models can have only one primary entity. The semantic model `\(model.name)` has "
                                    + "\(primaries.count): \(primaries.joined(separator: ", "))", at: model.location))
            }
            if let field = model.primaryEntityField, let first = primaries.first {
                issues.append(error("The semantic model `\(model.name)` has an entity named `\(first)` with type primary but it "
                                    + "also has the `primary_entity` field set to `\(field)`. Both should not be present in the model.",
                                    at: model.location))
            }
            if !model.dimensions.isEmpty, model.primaryEntity == nil {
                issues.append(error("The semantic model \(model.name) contains dimensions, but it does not define a primary entity. "
                                    + "Either add an entity with type PRIMARY or set a value for the primary_entity key.",
                                    at: model.location))
            }
        }
        return issues
    }

    func defaultsIssues() -> [Issue] {
        semanticModels.compactMap { model in
            guard let dimension = model.defaultAggregationTimeDimension, model.timeDimension(dimension) == nil else { return nil }
            return error("Default aggregation time dimension was specified as '\(dimension)' which doesn't exist as a time "
                         + "dimension in semantic model named '\(model.name)'.", at: model.location)
        }
    }

    /// A dimension name has one type across the semantic models (the first model's wins).
    func dimensionConsistencyIssues() -> [Issue] {
        var types: [String: (type: String, partition: Bool)] = [:]
        var issues: [Issue] = []
        for model in semanticModels {
            for dimension in model.dimensions {
                let name = dimension.elementName
                let type = dimension.lowercased("type") ?? ""
                let partition = dimension["is_partition"]?.boolValue ?? false
                guard let known = types[name] else {
                    types[name] = (type, partition)
                    continue
                }
                if known.type != type {
                    issues.append(error("In semantic model `\(model.name)`, type conflict for dimension `\(name)` - already in "
                                        + "model as type `\(Self.enumText("DimensionType", known.type))` but got "
                                        + "`\(Self.enumText("DimensionType", type))`", at: model.location))
                }
                if known.partition != partition {
                    issues.append(error("In semantic model `\(model.name), conflicting is_partition attribute for dimension "
                                        + "`DimensionReference(element_name='\(name)')` - already in model with is_partition as "
                                        + "`\(known.partition ? "True" : "False")` but got `\(partition ? "True" : "False")``",
                                        at: model.location))
                }
            }
        }
        return issues
    }

    /// An element name is an entity, a dimension or a measure throughout the project, not two of them.
    func elementConsistencyIssues() -> [Issue] {
        var kinds: [String: [(kind: String, models: [String], location: FileLocation)]] = [:]
        var order: [String] = []
        for model in semanticModels {
            let elements = model.entities.map { ($0.elementName, "entity") } + model.dimensions.map { ($0.elementName, "dimension") }
                + model.measures.map { ($0.elementName, "measure") }
            for (name, kind) in elements {
                if kinds[name] == nil { order.append(name) }
                if let index = kinds[name, default: []].firstIndex(where: { $0.kind == kind }) {
                    kinds[name, default: []][index].models.append(model.name)
                } else {
                    kinds[name, default: []].append((kind, [model.name], model.location))
                }
            }
        }
        var issues: [Issue] = []
        for name in order {
            guard let used = kinds[name], used.count > 1 else { continue }
            let sorted = used.sorted { $0.kind < $1.kind }
            let types = "[" + sorted.map { Self.enumRepr("SemanticModelElementType", $0.kind) }.joined(separator: ", ") + "]"
            for entry in sorted {
                // dbt prints the models as a Python set, whose order is not fixed: here in the order they were read.
                var seen: [String] = []
                for model in entry.models where !seen.contains(model) { seen.append(model) }
                let models = "{" + seen.map { "'\($0)'" }.joined(separator: ", ") + "}"
                issues.append(error("In semantic models \(models), element `\(name)` is of type \(Self.enumText("SemanticModelElementType", entry.kind)), "
                                    + "but it is used as types \(types) across the model.", at: entry.location))
            }
        }
        return issues
    }

    /// A primary entity and a dimension name are paired in one semantic model only.
    func dimensionPairingIssues() -> [Issue] {
        var pairings: [String: [String: String]] = [:]
        var issues: [Issue] = []
        for model in semanticModels {
            guard let primary = model.primaryEntity else { continue }
            let fresh = pairings[primary] == nil
            for dimension in model.dimensions {
                let name = dimension.elementName
                if !fresh, let owner = pairings[primary]?[name] {
                    issues.append(error("Duplicate dimension + primary entity pairing detected, dimension + primary entity pairings "
                                        + "must be unique. Semantic model `\(model.name)` has a primary entity of `\(primary)` and "
                                        + "dimension `\(name)`, but this pairing is already in use on semantic model `\(owner)`.",
                                        at: model.location))
                } else {
                    pairings[primary, default: [:]][name] = model.name
                }
            }
        }
        return issues
    }

    /// How Python prints a member of one of MetricFlow's enums in a message (`DimensionType.TIME`).
    static func enumText(_ type: String, _ value: String) -> String { "\(type).\(value.uppercased())" }

    /// How Python prints such a member inside a list (`<DimensionType.TIME: 'time'>`).
    static func enumRepr(_ type: String, _ value: String) -> String { "<\(type).\(value.uppercased()): '\(value)'>" }
}
