import Jinja

/// `exposures:` entries: their descriptions rendered and their `depends_on` (`ref('x')`, `source('a', 'b')`)
/// resolved to unique IDs as a model's refs are.
extension ManifestBuilder {
    /// What `ref()` and `source()` calls in a `depends_on` text named.
    private final class Calls {
        var refs: [(package: String?, name: String)] = []
        var sources: [(source: String, table: String)] = []
    }

    mutating func addExposures() {
        let byName = refableByName()
        let sourceIDs = Set(sources.map(\.uniqueID))
        let root = session.project.name
        for (patch, package) in exposurePatches {
            let uniqueID = "exposure.\(package.name).\(patch.name)"
            var dependsOn: [String] = []
            for (text, location) in patch.dependsOn {
                let calls = Calls()
                let context: [String: Value] = [
                    "ref": .function("ref") { arguments, _ in
                        let names = arguments.positional.map(\.str)
                        calls.refs.append((names.count > 1 ? names[0] : nil, names.last ?? ""))
                        return .string("")
                    },
                    "source": .function("source") { arguments, _ in
                        calls.sources.append((arguments.value(0, "source_name")?.str ?? "", arguments.value(1, "table_name")?.str ?? ""))
                        return .string("")
                    },
                ]
                do {
                    _ = try session.templates.render(text.contains("{{") ? text : "{{ \(text) }}", context, name: location.path)
                } catch let error as TemplateError {
                    errors.append(quotingPropertyLine(DBTError(.project, error.message, at: location)))
                    continue
                } catch {
                    errors.append(DBTError(.project, "\(error)", at: location))
                    continue
                }
                for ref in calls.refs {
                    guard let id = ManifestBuilder.chosen(byName[ref.name] ?? [], named: ref.package, calledFrom: package.name, root: root)?.uniqueID else {
                        errors.append(quotingPropertyLine(DBTError(
                            .project, "exposure '\(patch.name)' depends on a node named '\(ref.name)' which was not found", at: location)))
                        continue
                    }
                    if !dependsOn.contains(id) { dependsOn.append(id) }
                }
                for source in calls.sources {
                    let id = "source.\(package.name).\(source.source).\(source.table)"
                    let found = sourceIDs.contains(id) ? id
                        : sources.first { $0.sourceName == source.source && $0.name == source.table }?.uniqueID
                    guard let found else {
                        errors.append(quotingPropertyLine(DBTError(
                            .project, "exposure '\(patch.name)' depends on source '\(source.source).\(source.table)' which was not found",
                            at: location)))
                        continue
                    }
                    if !dependsOn.contains(found) { dependsOn.append(found) }
                }
            }
            let description = describe(patch.description, owner: uniqueID, package: package, at: patch.descriptionAt)
            exposures.append(Exposure(
                uniqueID: uniqueID, name: patch.name, packageName: package.name, type: patch.type, label: patch.label,
                ownerName: patch.ownerName, ownerEmail: patch.ownerEmail, description: description,
                url: patch.url, maturity: patch.maturity, tags: patch.tags, meta: patch.meta, dependsOn: dependsOn,
                originalFilePath: patch.file))
        }
    }
}
