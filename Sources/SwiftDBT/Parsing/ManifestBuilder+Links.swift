/// Resolving `ref()` and `source()` to unique IDs, and checking names are unique.
extension ManifestBuilder {
    /// Refable nodes by name: package and unique ID, in node order.
    func refableByName() -> [String: [(packageName: String, uniqueID: String)]] {
        var byName: [String: [(packageName: String, uniqueID: String)]] = [:]
        for index in nodes.indices where [.model, .seed, .snapshot].contains(nodes[index].resourceType) {
            byName[nodes[index].name, default: []].append((nodes[index].packageName, nodes[index].uniqueID))
        }
        return byName
    }

    /// The unique ID a `ref()` written in `package` means among `candidates` (nodes of that name): one of
    /// the package named in the ref, else the calling package's, else the root project's, else any.
    static func chosen(_ candidates: [(packageName: String, uniqueID: String)], named package: String?,
                       calledFrom caller: String, root: String) -> String? {
        let matching = candidates.filter { package == nil || $0.packageName == package }
        return (matching.first { $0.packageName == caller } ?? matching.first { $0.packageName == root } ?? matching.first)?.uniqueID
    }

    mutating func linkReferences() {
        let byName = refableByName()
        let disabledNames = Set(disabled.map(\.name))
        let sourceIDs = Set(sources.map(\.uniqueID))
        let rootPackage = session.project.name
        for index in nodes.indices {
            guard !nodes[index].refs.isEmpty || !nodes[index].sources.isEmpty else { continue }
            let node = nodes[index]
            var dependsOn = node.dependsOn
            for ref in node.refs {
                guard let chosen = ManifestBuilder.chosen(byName[ref.name] ?? [], named: ref.package, calledFrom: node.packageName,
                                                          root: rootPackage) else {
                    let location = ref.location ?? node.definedAt
                    if disabledNames.contains(ref.name) {
                        errors.append(DBTError(.project, "\(node.resourceType.rawValue) '\(node.name)' depends on '\(ref.name)', which is disabled",
                                               at: location))
                    } else {
                        let suggestion = Suggestion.closest(to: ref.name, among: Array(byName.keys))
                        errors.append(DBTError(.project, "\(node.resourceType.rawValue) '\(node.name)' depends on a node named '\(ref.name)' which was not found",
                                               at: location, sourceLine: SourceText.line(location.line, of: node.rawCode),
                                               notes: suggestion.map { ["did you mean '\($0)'?"] } ?? []))
                    }
                    continue
                }
                if !dependsOn.contains(chosen) { dependsOn.append(chosen) }
            }
            for source in node.sources {
                let candidates = [node.packageName, rootPackage].map { "source.\($0).\(source.source).\(source.table)" }
                    + sources.filter { $0.sourceName == source.source && $0.name == source.table }.map(\.uniqueID)
                guard let id = candidates.first(where: sourceIDs.contains) else {
                    let names = sources.map { "\($0.sourceName).\($0.name)" }
                    let suggestion = Suggestion.closest(to: "\(source.source).\(source.table)", among: names)
                    errors.append(DBTError(.project, "\(node.resourceType.rawValue) '\(node.name)' depends on source '\(source.source).\(source.table)' which was not found",
                                           at: source.location ?? node.definedAt, notes: suggestion.map { ["did you mean '\($0)'?"] } ?? []))
                    continue
                }
                if !dependsOn.contains(id) { dependsOn.append(id) }
            }
            nodes[index].dependsOn = dependsOn
        }
    }

    mutating func checkDuplicates() {
        var seen: [String: String] = [:]
        for index in nodes.indices where nodes[index].resourceType != .test || nodes[index].test == nil {
            let type = nodes[index].resourceType
            let kindGroup = [.model, .seed, .snapshot].contains(type) ? "refable" : type.rawValue
            let key = "\(kindGroup).\(nodes[index].packageName).\(nodes[index].name)"
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
