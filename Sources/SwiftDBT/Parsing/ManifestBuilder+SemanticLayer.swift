/// Semantic models, metrics and saved queries linked as dbt-core 1.10 links them when it parses: a
/// semantic model's `model: ref(...)` to a node (and its relation), a metric's measures to the semantic
/// models defining them or its input metrics to those metrics, a saved query's metrics; what is missing
/// is a load error with dbt's message.
extension ManifestBuilder {
    /// dbt's "<Type> '<id>' (<file>) depends on a <kind> named '<name>' which was not found".
    func notFound(_ type: String, _ uniqueID: String, _ file: String, _ kind: String, _ name: String,
                  package: String? = nil) -> String {
        let title = type.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "_")
        let inPackage = package.map { "in package or project '\($0)' " } ?? ""
        return "\(title) '\(uniqueID)' (\(file)) depends on a \(kind) named '\(name)' \(inPackage)which was not found"
    }

    /// The metric `name` as seen from `caller`: of `package` when named, else the caller's, the root's, any.
    func resolvedMetric(_ name: String, package: String?, from caller: String) -> Metric? {
        let matching = metrics.filter { $0.name == name && (package == nil || $0.packageName == package) }
        return matching.first { $0.packageName == caller } ?? matching.first { $0.packageName == session.project.name }
            ?? matching.first
    }

    /// The package's entries, named: unique IDs `semantic_model.<package>.<name>`, `metric.…`, `saved_query.…`.
    mutating func addSemanticLayer(_ properties: [PropertyFile], package: PackageInfo) {
        for var model in properties.flatMap(\.semanticModels) {
            model.packageName = package.name
            model.uniqueID = "semantic_model.\(package.name).\(model.name)"
            (model.enabled, model.group, model.meta) = projectSettings(
                .semanticModel, name: model.name, file: model.originalFilePath, package: package,
                written: model.unrenderedConfig, enabled: model.enabled, group: model.group, meta: model.meta)
            semanticModels.append(model)
        }
        for var metric in properties.flatMap(\.metrics) {
            metric.packageName = package.name
            metric.uniqueID = "metric.\(package.name).\(metric.name)"
            (metric.enabled, metric.group, metric.meta) = projectSettings(
                .metric, name: metric.name, file: metric.originalFilePath, package: package,
                written: metric.unrenderedConfig, enabled: metric.enabled, group: metric.group, meta: metric.meta)
            metrics.append(metric)
        }
        for var query in properties.flatMap(\.savedQueries) {
            query.packageName = package.name
            query.uniqueID = "saved_query.\(package.name).\(query.name)"
            (query.enabled, query.group, query.meta) = projectSettings(
                .savedQuery, name: query.name, file: query.originalFilePath, package: package,
                written: .dict(query.config), enabled: query.enabled, group: query.group, meta: query.meta)
            savedQueries.append(query)
        }
    }

    mutating func addSemanticLayer() {
        linkSemanticModels()
        linkMetrics()
        linkSavedQueries()
    }

    private mutating func linkSemanticModels() {
        // Most projects have none: no lookup table is built for them.
        guard !semanticModels.isEmpty else { return }
        let byName = refableByName()
        let root = session.project.name
        for index in semanticModels.indices {
            let model = semanticModels[index]
            guard let calls = calls(in: model.model, at: model.modelAt) else { continue }
            guard calls.refs.count == 1, calls.sources.isEmpty, calls.metrics.isEmpty, let ref = calls.refs.first else {
                errors.append(quotingPropertyLine(DBTError(.project, "semantic model '\(model.name)': 'model' must be one ref(), "
                                                           + "such as \"ref('orders')\"", at: model.modelAt)))
                continue
            }
            semanticModels[index].ref = ref
            guard let found = ManifestBuilder.chosen(byName[ref.name] ?? [], named: ref.package, version: ref.version,
                                                     calledFrom: model.packageName, root: root),
                  let node = nodes.first(where: { $0.uniqueID == found.uniqueID }) else {
                errors.append(quotingPropertyLine(DBTError(.project, notFound("semantic_model", model.uniqueID, model.originalFilePath,
                                                                              "node", ref.name, package: ref.package),
                                                           at: model.modelAt)))
                continue
            }
            if let problem = ManifestBuilder.accessProblem(model.uniqueID, package: model.packageName, group: model.group, refersTo: found) {
                errors.append(quotingPropertyLine(DBTError(.project, problem, at: model.modelAt)))
            }
            semanticModels[index].dependsOn = [node.uniqueID]
            if let relation = node.relation {
                semanticModels[index].nodeRelation = .dict([
                    ("alias", .string(relation.identifier)), ("schema_name", relation.schema.map(ConfigValue.string) ?? .null),
                    ("database", relation.database.map(ConfigValue.string) ?? .null),
                    ("relation_name", .string(session.dialect.render(relation))),
                ])
            }
        }
    }

    /// Input measures and `depends_on` of every metric; input metrics are linked before the metrics reading
    /// them (pass after pass, so that a long chain needs no recursion); a cycle is an error.
    private mutating func linkMetrics() {
        var done = Set<Int>()
        var progress = true
        while progress, done.count < metrics.count {
            progress = false
            for index in metrics.indices where !done.contains(index) {
                let metric = metrics[index]
                var inputs: [Metric] = []
                var waiting = false
                var failed = false
                for name in metric.inputMetrics {
                    guard let input = resolvedMetric(name, package: nil, from: metric.packageName),
                          let position = metrics.firstIndex(where: { $0.uniqueID == input.uniqueID }) else {
                        errors.append(DBTError(.project, "The metric `\(name)` does not exist but was referenced.", at: metric.location))
                        failed = true
                        continue
                    }
                    guard metrics[position].enabled else {
                        errors.append(DBTError(.project, "The metric `\(name)` is disabled and thus cannot be referenced.", at: metric.location))
                        failed = true
                        continue
                    }
                    if !done.contains(position) { waiting = true }
                    inputs.append(metrics[position])
                }
                if waiting && !failed { continue }
                done.insert(index)
                progress = true
                if failed { continue }
                var measures: [ConfigValue] = []
                var dependsOn: [String] = []
                func add(_ measure: ConfigValue) {
                    if !measures.contains(measure) { measures.append(measure) }
                }
                for input in inputs {
                    input.inputMeasures.forEach(add)
                    if !dependsOn.contains(input.uniqueID) { dependsOn.append(input.uniqueID) }
                }
                for measure in metric.measures {
                    add(measure)
                    let name = measure["name"]?.scalarString ?? ""
                    guard let model = semanticModel(measure: name, from: metric.packageName) else {
                        errors.append(DBTError(.project, "A semantic model having a measure `\(name)` does not exist but was referenced.",
                                               at: metric.location))
                        continue
                    }
                    guard model.enabled else {
                        errors.append(DBTError(.project, "The measure `\(name)` is referenced on disabled semantic model `\(model.name)`.",
                                               at: metric.location))
                        continue
                    }
                    if !dependsOn.contains(model.uniqueID) { dependsOn.append(model.uniqueID) }
                }
                metrics[index].inputMeasures = measures
                metrics[index].dependsOn = dependsOn
            }
        }
        for index in metrics.indices where !done.contains(index) {
            errors.append(DBTError(.project, "metric '\(metrics[index].name)' is part of a cycle of metrics: "
                                   + metrics[index].inputMetrics.joined(separator: ", "), at: metrics[index].location))
        }
    }

    /// The semantic model defining `measure`, the caller's package's first.
    private func semanticModel(measure: String, from caller: String) -> SemanticModel? {
        let matching = semanticModels.filter { $0.measureNames.contains(measure) }
        return matching.first { $0.packageName == caller } ?? matching.first { $0.packageName == session.project.name }
            ?? matching.first
    }

    private mutating func linkSavedQueries() {
        for index in savedQueries.indices {
            let query = savedQueries[index]
            for name in query.metrics {
                guard let metric = resolvedMetric(name, package: nil, from: query.packageName) else {
                    errors.append(DBTError(.project, notFound("saved_query", query.uniqueID, query.originalFilePath, "metric", name),
                                           at: query.location))
                    continue
                }
                if !savedQueries[index].dependsOn.contains(metric.uniqueID) { savedQueries[index].dependsOn.append(metric.uniqueID) }
            }
        }
    }

    /// dbt's checks of exposures and the semantic layer once all are read: two of a kind with one name (in
    /// one package), and a `group` config no `groups:` entry defines.
    mutating func checkPropertyResources() {
        typealias Entry = (type: String, plural: String, uniqueID: String, name: String, file: String, group: String?, at: FileLocation)
        let entries: [Entry] = exposurePatches.map { ("exposure", "exposures", "exposure.\($0.package.name).\($0.patch.name)",
                                                      $0.patch.name, $0.patch.file, nil, $0.patch.location) }
            + metrics.map { ("metric", "metrics", $0.uniqueID, $0.name, $0.originalFilePath, $0.group, $0.location) }
            + semanticModels.map { ("semantic_model", "semantic_models", $0.uniqueID, $0.name, $0.originalFilePath, $0.group, $0.location) }
            + savedQueries.map { ("saved_query", "saved_queries", $0.uniqueID, $0.name, $0.originalFilePath, $0.group, $0.location) }
        var seen: [String: (file: String, at: FileLocation)] = [:]
        let groupNames = Set(groups.map(\.name))
        let listed = "[" + groupNames.sorted().map { "'\($0)'" }.joined(separator: ", ") + "]"
        for entry in entries {
            if let first = seen[entry.uniqueID] {
                // Files are read in name order; dbt names the later one first.
                errors.append(DBTError(.project, "dbt found two \(entry.plural) with the name \"\(entry.name)\".", at: first.at,
                                       notes: ["- \(entry.uniqueID) (\(entry.file))", "- \(entry.uniqueID) (\(first.file))"]))
            } else {
                seen[entry.uniqueID] = (entry.file, entry.at)
            }
            if let group = entry.group, !groupNames.contains(group) {
                errors.append(DBTError(.project, "Invalid group '\(group)', expected one of \(listed)", at: entry.at))
            }
        }
    }
}
