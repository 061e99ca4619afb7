/// dbt's "Found 5 models, 3 seeds, 20 data tests, 2 sources, 1 exposure, 450 macros, 1 semantic model" line.
/// dbt counts its manifest's nodes in the order it parsed them, each type where it first met one: per project
/// (the root project first) models, snapshots, analyses, singular tests, seeds and the project's hooks
/// (`operations`: the root project's on-run-start/on-run-end), then the generic tests of all YAML files; after the
/// nodes come sources, exposures, metrics, macros, groups, semantic models, saved queries and unit tests. So
/// "data tests" stands before the seeds when the project has a singular test, after them when it has none.
public enum ProjectSummary {
    public static func line(_ manifest: Manifest, operations: Int) -> String {
        // Counted by index: iterating the nodes would copy each one. A package's turn is looked up when the package
        // changes (its nodes come together).
        var counts = [Int](repeating: 0, count: NodeKind.allCases.count)
        var firstMet = [ParseStep?](repeating: nil, count: NodeKind.allCases.count)
        var projects = [manifest.projectName: 0]
        var current: (package: String, project: Int) = (manifest.projectName, 0)
        for index in manifest.nodes.indices {
            guard let kind = NodeKind(manifest.nodes[index].resourceType) else { continue }
            if manifest.nodes[index].packageName != current.package {
                let package = manifest.nodes[index].packageName
                current = (package, projects[package] ?? projects.count)
                projects[package] = current.project
            }
            let step = ParseStep(project: manifest.nodes[index].test != nil ? Int.max : current.project, phase: kind.rawValue)
            counts[kind.rawValue] += 1
            firstMet[kind.rawValue] = min(firstMet[kind.rawValue] ?? step, step)
        }
        if operations > 0 {
            counts[NodeKind.operation.rawValue] = operations
            firstMet[NodeKind.operation.rawValue] = ParseStep(project: 0, phase: NodeKind.operation.rawValue)
        }
        let met = NodeKind.allCases.compactMap { kind in firstMet[kind.rawValue].map { (kind, $0) } }
        let nodeParts = met.sorted { $0.1 < $1.1 }.map { kind, _ in plural(counts[kind.rawValue], kind.words) }
        let otherParts = [
            plural(manifest.sources.count, ("source", "sources")), plural(manifest.exposures.count, ("exposure", "exposures")),
            plural(manifest.metrics.count, ("metric", "metrics")), plural(manifest.macros.count, ("macro", "macros")),
            plural(manifest.groups.count, ("group", "groups")),
            plural(manifest.semanticModels.count, ("semantic model", "semantic models")),
            plural(manifest.savedQueries.count, ("saved query", "saved queries")),
            plural(manifest.nodes.indices.count { manifest.nodes[$0].resourceType == .unitTest }, ("unit test", "unit tests")),
        ]
        return "Found " + (nodeParts + otherParts).compactMap { $0 }.joined(separator: ", ")
    }

    private static func plural(_ count: Int, _ words: (one: String, many: String)) -> String? {
        count == 0 ? nil : "\(count) \(count == 1 ? words.one : words.many)"
    }

    /// The kinds of manifest nodes the line counts before the sources, with their words, in the order dbt's parser
    /// meets them within a project.
    private enum NodeKind: Int, CaseIterable {
        case model, snapshot, analysis, test, seed, operation

        init?(_ type: ResourceType) {
            switch type {
            case .model: self = .model
            case .snapshot: self = .snapshot
            case .analysis: self = .analysis
            case .test: self = .test
            case .seed: self = .seed
            default: return nil
            }
        }

        var words: (one: String, many: String) {
            switch self {
            case .model: return ("model", "models")
            case .snapshot: return ("snapshot", "snapshots")
            case .analysis: return ("analysis", "analyses")
            case .test: return ("test", "data tests")
            case .seed: return ("seed", "seeds")
            case .operation: return ("operation", "operations")
            }
        }
    }

    /// When dbt's parser meets a node: its project's turn, then the kind's within it; the YAML files' generic
    /// tests after every project's files.
    private struct ParseStep: Comparable {
        let project: Int, phase: Int

        static func < (lhs: ParseStep, rhs: ParseStep) -> Bool { (lhs.project, lhs.phase) < (rhs.project, rhs.phase) }
    }
}
