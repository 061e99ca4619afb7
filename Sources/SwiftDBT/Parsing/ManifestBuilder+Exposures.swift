import Jinja

/// `exposures:` entries: their descriptions rendered and their `depends_on` (`ref('x')`, `source('a', 'b')`,
/// `metric('m')`) resolved to unique IDs as a model's refs are.
extension ManifestBuilder {
    /// What `ref()`, `source()` and `metric()` calls in a `depends_on` or `model:` text named.
    final class Calls {
        var refs: [ProjectNode.Reference] = []
        var sources: [(source: String, table: String)] = []
        var metrics: [(package: String?, name: String)] = []
    }

    /// The calls `text` makes (a lone call may be written without `{{ }}`); a template error is collected.
    mutating func calls(in text: String, at location: FileLocation) -> Calls? {
        let calls = Calls()
        func names(_ arguments: Arguments) -> (String?, String) {
            let names = arguments.positional.map(\.str)
            return (names.count > 1 ? names[0] : nil, names.last ?? "")
        }
        let context: [String: Value] = [
            "ref": .function("ref") { arguments, _ in
                let (package, name) = names(arguments)
                let version = (arguments.named("v") ?? arguments.named("version")).map(\.str)
                calls.refs.append(ProjectNode.Reference(package: package, name: name, version: version, location: location))
                return .string("")
            },
            "source": .function("source") { arguments, _ in
                calls.sources.append((arguments.value(0, "source_name")?.str ?? "", arguments.value(1, "table_name")?.str ?? ""))
                return .string("")
            },
            "metric": .function("metric") { arguments, _ in
                calls.metrics.append(names(arguments))
                return .string("")
            },
        ]
        do {
            _ = try session.templates.render(text.contains("{{") ? text : "{{ \(text) }}", context, name: location.path)
            return calls
        } catch let error as TemplateError {
            errors.append(quotingPropertyLine(DBTError(.project, error.message, at: location)))
        } catch {
            errors.append(DBTError(.project, "\(error)", at: location))
        }
        return nil
    }

    mutating func addExposures() {
        // Most projects have none: no lookup tables are built for them.
        guard !exposurePatches.isEmpty else { return }
        let byName = refableByName()
        let knownSources = Set(sources.map(\.uniqueID))
        let root = session.project.name
        for (patch, package) in exposurePatches {
            let uniqueID = "exposure.\(package.name).\(patch.name)"
            let settings = settings(of: patch, package: package)
            var exposure = Exposure(
                uniqueID: uniqueID, name: patch.name, packageName: package.name, type: patch.type, label: patch.label,
                ownerName: patch.ownerName, ownerEmail: patch.ownerEmail, description: "",
                url: patch.url, maturity: patch.maturity, tags: settings.tags, meta: settings.meta,
                unrenderedConfig: settings.unrendered, dependsOn: [], originalFilePath: patch.file)
            exposure.enabled = settings.enabled
            // dbt links sources, then refs, then metrics.
            var sourceIDs: [String] = [], refIDs: [String] = [], metricIDs: [String] = []
            for (text, location) in patch.dependsOn {
                guard let calls = calls(in: text, at: location) else { continue }
                exposure.refs += calls.refs
                exposure.sources += calls.sources.map { [$0.source, $0.table] }
                exposure.metrics += calls.metrics.map { [$0.package, $0.name].compactMap { $0 } }
                // dbt does not link a disabled exposure: its calls are kept, its depends_on stays empty.
                guard exposure.enabled else { continue }
                func missing(_ kind: String, _ name: String, package: String? = nil) {
                    errors.append(quotingPropertyLine(DBTError(
                        .project, notFound("exposure", uniqueID, patch.file, kind, name, package: package), at: location)))
                }
                for ref in calls.refs {
                    guard let chosen = ManifestBuilder.chosen(byName[ref.name] ?? [], named: ref.package, version: ref.version,
                                                              calledFrom: package.name, root: root) else {
                        missing("node", ref.name, package: ref.package)
                        continue
                    }
                    // An exposure belongs to no group.
                    if let problem = ManifestBuilder.accessProblem(uniqueID, package: package.name, group: nil, refersTo: chosen) {
                        errors.append(quotingPropertyLine(DBTError(.project, problem, at: location)))
                    }
                    if !refIDs.contains(chosen.uniqueID) { refIDs.append(chosen.uniqueID) }
                }
                for source in calls.sources {
                    let id = "source.\(package.name).\(source.source).\(source.table)"
                    let found = knownSources.contains(id) ? id
                        : sources.first { $0.sourceName == source.source && $0.name == source.table }?.uniqueID
                    guard let found else {
                        missing("source", "\(source.source).\(source.table)")
                        continue
                    }
                    if !sourceIDs.contains(found) { sourceIDs.append(found) }
                }
                for metric in calls.metrics {
                    guard let id = resolvedMetric(metric.name, package: metric.package, from: package.name)?.uniqueID else {
                        missing("metric", metric.name, package: metric.package)
                        continue
                    }
                    if !metricIDs.contains(id) { metricIDs.append(id) }
                }
            }
            exposure.dependsOn = sourceIDs + refIDs + metricIDs
            exposure.description = describe(patch.description, owner: uniqueID, package: package, at: patch.descriptionAt)
            exposures.append(exposure)
        }
    }
}
