/// The nodes a selection picked from a graph, and the criteria that matched nothing.
public struct Selection: Sendable {
    public let graph: ProjectGraph
    public let members: NodeSet
    /// Each `--select`/`--exclude` entry that matched no node, as written.
    public let unmatchedCriteria: [String]

    public init(graph: ProjectGraph, members: NodeSet, unmatchedCriteria: [String] = []) {
        self.graph = graph
        self.members = members
        self.unmatchedCriteria = unmatchedCriteria
    }

    /// The selected unique IDs, sorted.
    public var uniqueIDs: [String] { members.map { graph.nodes[$0].uniqueID } }

    /// The selected nodes, sorted by unique ID.
    public var nodes: [GraphNode] { members.map { graph.nodes[$0] } }

    /// The selected nodes of the given types (`run` keeps models, `test` keeps tests, `build` keeps most).
    public func restricted(to types: Set<ResourceType>) -> Selection {
        let kept = members.filter { types.contains(graph.nodes[$0].resourceType) }
        return Selection(graph: graph, members: NodeSet(capacity: graph.count, kept),
                         unmatchedCriteria: unmatchedCriteria)
    }

    /// dbt's warnings for criteria that matched nothing (a warning, not an error).
    public var warnings: [String] {
        unmatchedCriteria.map { "The selection criterion '\($0)' does not match any enabled nodes" }
    }
}
