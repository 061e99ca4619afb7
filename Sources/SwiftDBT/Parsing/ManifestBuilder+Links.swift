/// Resolving `ref()` and `source()` to unique IDs, and checking names are unique.
extension ManifestBuilder {
    /// A node `ref()` can name: its package and unique ID, its version, the group it is private to
    /// (`.some(nil)`: private without a group; nil: not private), and whether only its own package may refer
    /// to it (a private or protected model of a package with `restrict-access: true`). A class: every ref of every
    /// node reads one, on both cores, and a copy is one reference count.
    final class Refable: Sendable {
        let packageName: String
        let uniqueID: String
        let version: ModelVersion?
        let privateTo: String??
        let packageOnly: Bool

        init(packageName: String, uniqueID: String, version: ModelVersion?, privateTo: String??, packageOnly: Bool) {
            (self.packageName, self.uniqueID, self.version) = (packageName, uniqueID, version)
            (self.privateTo, self.packageOnly) = (privateTo, packageOnly)
        }
    }

    /// Refable nodes by name, in node order.
    func refableByName() -> [String: [Refable]] {
        var byName: [String: [Refable]] = [:]
        let restricted = Set(packages.filter(\.project.restrictAccess).map(\.name))
        for index in nodes.indices where [.model, .seed, .snapshot].contains(nodes[index].resourceType) {
            // Fields read in place: a copy of the node would retain every one of them.
            let isModel = nodes[index].resourceType == .model
            let privateTo: String?? = isModel && nodes[index].config.access == .private ? .some(nodes[index].config.group) : nil
            let packageOnly = isModel && nodes[index].config.access != .public && restricted.contains(nodes[index].packageName)
            byName[nodes[index].name, default: []].append(Refable(packageName: nodes[index].packageName, uniqueID: nodes[index].uniqueID,
                                                                  version: nodes[index].version, privateTo: privateTo,
                                                                  packageOnly: packageOnly))
        }
        return byName
    }

    /// What a `ref()` written in `caller` means among `candidates` (nodes of that name): of the package named in
    /// the ref and the version it asks for (the latest when none), the calling package's, else the root
    /// project's, else any.
    static func chosen(_ candidates: [Refable], named package: String?, version: String? = nil,
                       calledFrom caller: String, root: String) -> Refable? {
        // One pass, no array: this runs for every ref of every node (each generic test refs its model).
        var ofRoot: Refable?
        var first: Refable?
        for candidate in candidates
        where (package == nil || candidate.packageName == package) && ModelVersion.resolves(version, to: candidate.version) {
            if candidate.packageName == caller { return candidate }
            if ofRoot == nil, candidate.packageName == root { ofRoot = candidate }
            if first == nil { first = candidate }
        }
        return ofRoot ?? first
    }

    /// dbt's error when `uniqueID` (of `package`, in `group`) may not refer to `target`: a private model of
    /// another group (or of a package with `restrict-access`), or a protected model of such a package; nil when it may.
    static func accessProblem(_ uniqueID: String, package: String, group: String?, refersTo target: Refable) -> String? {
        let otherPackage = target.packageOnly && target.packageName != package
        // The message is made only for a ref that breaks a rule: this runs for every ref of every node.
        let prefix = { "Node \(uniqueID) attempted to reference node \(target.uniqueID), which is not allowed because the referenced node is " }
        if let privateTo = target.privateTo {
            return privateTo == nil || group != privateTo || otherPackage ? prefix() + "private to the '\(privateTo ?? "None")' group." : nil
        }
        return otherPackage ? prefix() + "protected to the '\(target.packageName)' package." : nil
    }

    mutating func linkReferences() {
        let byName = refableByName()
        for index in nodes.indices where nodes[index].resourceType == .model && nodes[index].config.access == nil {
            let node = nodes[index]
            errors.append(DBTError(.project, "Node \(node.uniqueID) has an invalid value (\(node.config["access"]?.scalarString ?? "")) "
                                   + "for the access field", at: node.definedAt))
        }
        let links = ManifestBuilder.links(nodes, byName: byName, sources: sources, disabledNames: Set(disabled.map(\.name)),
                                          rootPackage: session.project.name)
        for (index, link) in links.enumerated() {
            guard let link else { continue }
            nodes[index].dependsOn = link.dependsOn
            errors += link.errors
        }
    }

    /// Each node's dependencies once its `source()` and `ref()` calls are resolved (nil for a node that makes none),
    /// with the errors of those that resolve to nothing or to a node it may not refer to; on every core. Each node's
    /// fields are read in place: a copy of every node with references (every generic test) costs more than the links.
    private static func links(_ nodes: [ProjectNode], byName: [String: [Refable]], sources: [SourceTable],
                              disabledNames: Set<String>, rootPackage: String) -> [(dependsOn: [String], errors: [DBTError])?] {
        let sourceIDs = Set(sources.map(\.uniqueID))
        let sourceIDsByName = Dictionary(grouping: sources, by: { $0.sourceName + "\u{0}" + $0.name }).mapValues { $0.map(\.uniqueID) }
        return ParallelMap.map(Array(nodes.indices)) { index -> (dependsOn: [String], errors: [DBTError])? in
            guard !nodes[index].refs.isEmpty || !nodes[index].sources.isEmpty else { return nil }
            let package = nodes[index].packageName
            var dependsOn = nodes[index].dependsOn
            dependsOn.reserveCapacity(dependsOn.count + nodes[index].sources.count + nodes[index].refs.count)
            var errors: [DBTError] = []
            // Sources first, then refs, each in the order the code calls them (dbt links sources before refs).
            for source in nodes[index].sources {
                let name = source.source + "." + source.table
                let candidates = [package, rootPackage].map { "source.\($0).\(name)" }
                    + (sourceIDsByName[source.source + "\u{0}" + source.table] ?? [])
                guard let id = candidates.first(where: sourceIDs.contains) else {
                    let names = sources.map { "\($0.sourceName).\($0.name)" }
                    let suggestion = Suggestion.closest(to: name, among: names)
                    errors.append(DBTError(.project, "\(nodes[index].resourceType.rawValue) '\(nodes[index].name)' depends on source '\(name)' which was not found",
                                           at: source.location ?? nodes[index].definedAt, notes: suggestion.map { ["did you mean '\($0)'?"] } ?? []))
                    continue
                }
                if !dependsOn.contains(id) { dependsOn.append(id) }
            }
            for ref in nodes[index].refs {
                let chosen = ManifestBuilder.chosen(byName[ref.name] ?? [], named: ref.package, version: ref.version,
                                                    calledFrom: package, root: rootPackage)
                guard let chosen else {
                    let node = nodes[index]
                    let location = ref.location ?? node.definedAt
                    if disabledNames.contains(ref.name) {
                        errors.append(DBTError(.project, "\(node.resourceType.rawValue) '\(node.name)' depends on '\(ref.name)', which is disabled",
                                               at: location))
                    } else {
                        let suggestion = Suggestion.closest(to: ref.name, among: Array(byName.keys))
                        let version = ref.version.map { " with version '\($0)'" } ?? ""
                        errors.append(DBTError(.project, "\(node.resourceType.rawValue) '\(node.name)' depends on a node named '\(ref.name)'\(version) which was not found",
                                               at: location, sourceLine: SourceText.line(location.line, of: node.rawCode),
                                               notes: suggestion.map { ["did you mean '\($0)'?"] } ?? []))
                    }
                    continue
                }
                if let problem = ManifestBuilder.accessProblem(nodes[index].uniqueID, package: package, group: nodes[index].config.group,
                                                               refersTo: chosen) {
                    let location = ref.location ?? nodes[index].definedAt
                    errors.append(DBTError(.project, problem, at: location, sourceLine: SourceText.line(location.line, of: nodes[index].rawCode)))
                }
                if !dependsOn.contains(chosen.uniqueID) { dependsOn.append(chosen.uniqueID) }
            }
            return (dependsOn, errors)
        }
    }

    /// Every node's `group` config names a group some `groups:` defines (dbt's message).
    mutating func checkGroups() {
        let names = Set(groups.map(\.name))
        let listed = "[" + names.sorted().map { "'\($0)'" }.joined(separator: ", ") + "]"
        for index in nodes.indices {
            guard let group = nodes[index].config.group, !names.contains(group) else { continue }
            errors.append(DBTError(.project, "Invalid group '\(group)', expected one of \(listed)", at: nodes[index].definedAt))
        }
    }

    mutating func checkDuplicates() {
        var seen: [String: String] = [:]
        for index in nodes.indices where nodes[index].resourceType != .test || nodes[index].test == nil {
            let type = nodes[index].resourceType
            let kindGroup = [.model, .seed, .snapshot].contains(type) ? "refable" : type.rawValue
            let version = nodes[index].version.map { ".v\($0.version)" } ?? ""
            let key = "\(kindGroup).\(nodes[index].packageName).\(nodes[index].name)\(version)"
            if let firstPath = seen[key] {
                let node = nodes[index]
                errors.append(DBTError(.project, "dbt found two resources with the name '\(node.name)': "
                                       + "\(firstPath) and \(node.definedAt.path)", at: node.definedAt))
            } else {
                seen[key] = nodes[index].definedAt.path
            }
        }
    }
}

/// "Did you mean" suggestions by edit distance.
enum Suggestion {
    /// The name closest to `name` within a third of its length in edits, or nil.
    static func closest(to name: String, among candidates: [String]) -> String? {
        let limit = max(2, name.count / 3)
        return candidates.map { ($0, distance(name, $0)) }.filter { $0.1 <= limit }
            .min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
