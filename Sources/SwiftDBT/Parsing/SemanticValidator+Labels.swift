/// MetricFlow's label rules: a metric's and a semantic model's label is theirs alone, a semantic model's
/// dimensions, entities and measures have different labels, and an entity keeps its label across semantic models.
extension SemanticValidator {
    func metricLabelIssues() -> [Issue] {
        var owners: [String: String] = [:]
        var issues: [Issue] = []
        for metric in metrics {
            if let owner = owners[metric.label] {
                // dbt's message has two spaces before "metric".
                issues.append(error("Can't use label `\(metric.label)` for  metric `\(metric.name)` as it's already used for "
                                    + "metric `\(owner)`", at: metric.location))
            } else {
                owners[metric.label] = metric.name
            }
        }
        return issues
    }

    func semanticModelLabelIssues() -> [Issue] {
        var owners: [String: String] = [:]
        var issues: [Issue] = []
        for model in semanticModels {
            if let label = model.label {
                if let owner = owners[label] {
                    issues.append(error("Can't use label `\(label)` for  semantic model `\(model.name)` as it's already used for "
                                        + "semantic model `\(owner)`", at: model.location))
                } else {
                    owners[label] = model.name
                }
            }
            for (elements, kind, plural) in [(model.dimensions, "Dimension", "dimensions"), (model.entities, "Entity", "entities"),
                                              (model.measures, "Measure", "measures")] {
                var counts: [(label: String, count: Int)] = []
                for label in elements.compactMap({ $0["label"]?.stringValue }) {
                    if let index = counts.firstIndex(where: { $0.label == label }) {
                        counts[index].count += 1
                    } else {
                        counts.append((label, 1))
                    }
                }
                // dbt's message leaves the model's name without its closing backquote.
                issues += counts.filter { $0.count > 1 }.map {
                    error("\(kind) labels must be unique within a semantic model. The label `\($0.label)` was used for \($0.count) "
                          + "\(plural) on semantic model `\(model.name)", at: model.location)
                }
            }
        }
        return issues
    }

    func entityLabelIssues() -> [Issue] {
        var first: [String: (model: String, label: String)] = [:]
        var issues: [Issue] = []
        for model in semanticModels {
            for entity in model.entities {
                guard let label = entity["label"]?.stringValue else { continue }
                let name = entity.elementName
                if let known = first[name] {
                    if known.label != label {
                        issues.append(error("Entities with the same name must have the same label or the label must be `None`. "
                                            + "Entity `\(name)` on semantic model `\(model.name)` has label `\(label)` but the same "
                                            + "entity on semantic model `\(known.model)`", at: model.location))
                    }
                } else {
                    first[name] = (model.name, label)
                }
            }
        }
        return issues
    }
}
