/// The project's dependency graph: nodes indexed in unique-ID order, with parent and child adjacency.
///
/// An edge runs from a parent (a node read through `ref`/`source`, or tested) to its child. Indices are positions
/// in `nodes`, which is sorted by unique ID, so every walk and listing is deterministic.
public struct ProjectGraph: Sendable {
    /// The nodes, sorted by unique ID; a repeated unique ID keeps its first node.
    public let nodes: [GraphNode]
    /// Dependencies naming no node of the graph (the loader reports missing refs; the graph ignores them).
    public let unknownDependencies: [(dependent: String, dependency: String)]
    private let indexByID: [String: Int]
    private let parentLinks: Adjacency
    private let childLinks: Adjacency

    /// Indexes `nodes` by unique ID and links each to the nodes it depends on.
    public init(nodes: [GraphNode]) {
        let ids = nodes.indices.map { nodes[$0].uniqueID }
        // In unique-ID order, a repeated ID's first node first; then each ID's first node is kept.
        let order = ASCIIText.sortedIndices(ids)
        let kept = order.indices.filter { $0 == 0 || ids[order[$0 - 1]] != ids[order[$0]] }.map { order[$0] }
        var indexByID: [String: Int] = [:]
        indexByID.reserveCapacity(kept.count)
        for (index, original) in kept.enumerated() { indexByID[ids[original]] = index }

        var parentLists: [[Int]] = []
        parentLists.reserveCapacity(kept.count)
        var unknown: [(dependent: String, dependency: String)] = []
        for original in kept {
            var parents: [Int] = []
            for dependency in nodes[original].dependsOn {
                if let parent = indexByID[dependency] {
                    parents.append(parent)
                } else {
                    unknown.append((ids[original], dependency))
                }
            }
            parentLists.append(Self.sortedWithoutRepeats(parents))
        }
        self.nodes = kept.map { nodes[$0] }
        self.indexByID = indexByID
        self.unknownDependencies = unknown
        parentLinks = Adjacency(parentLists)
        childLinks = parentLinks.reversed()
    }

    public var count: Int { nodes.count }

    /// The index of the node with this unique ID, or nil.
    public func index(of uniqueID: String) -> Int? {
        indexByID[uniqueID]
    }

    /// The nodes `index` depends on, in index order.
    public func parents(of index: Int) -> ArraySlice<Int> {
        parentLinks[index]
    }

    /// The nodes that depend on `index`, in index order.
    public func children(of index: Int) -> ArraySlice<Int> {
        childLinks[index]
    }

    /// An empty set sized for this graph.
    public func emptySet() -> NodeSet {
        NodeSet(capacity: count)
    }

    /// The set of the nodes with these unique IDs; unknown IDs are skipped.
    public func nodeSet(_ uniqueIDs: some Sequence<String>) -> NodeSet {
        NodeSet(capacity: count, uniqueIDs.compactMap(index(of:)))
    }

    /// Nodes within `depth` edges upstream of any node in `start` (unlimited when nil), excluding `start` itself.
    public func ancestors(of start: NodeSet, depth: Int? = nil) -> NodeSet {
        breadthFirst(from: start, depth: depth, along: parentLinks)
    }

    /// Nodes within `depth` edges downstream of any node in `start` (unlimited when nil), excluding `start` itself.
    public func descendants(of start: NodeSet, depth: Int? = nil) -> NodeSet {
        breadthFirst(from: start, depth: depth, along: childLinks)
    }

    /// One multi-source breadth-first walk: each node is queued once, each edge read once.
    private func breadthFirst(from start: NodeSet, depth: Int?, along links: Adjacency) -> NodeSet {
        var reached = start
        var frontier = Array(start)
        var level = 0
        while !frontier.isEmpty, depth.map({ level < $0 }) ?? true {
            var next: [Int] = []
            for node in frontier {
                for neighbour in links[node] where reached.insert(neighbour) {
                    next.append(neighbour)
                }
            }
            frontier = next
            level += 1
        }
        return reached.subtracting(start)
    }

    private static func sortedWithoutRepeats(_ values: [Int]) -> [Int] {
        var result: [Int] = []
        for value in values.sorted() where result.last != value { result.append(value) }
        return result
    }
}
