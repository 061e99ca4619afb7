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

    public init(nodes: [GraphNode]) {
        var seen = Set<String>()
        let unique = nodes.filter { seen.insert($0.uniqueID).inserted }.sorted { $0.uniqueID < $1.uniqueID }
        var indexByID: [String: Int] = [:]
        for (index, node) in unique.enumerated() { indexByID[node.uniqueID] = index }

        var parentLists: [[Int]] = []
        var unknown: [(dependent: String, dependency: String)] = []
        for node in unique {
            var parents: [Int] = []
            for dependency in node.dependsOn {
                if let parent = indexByID[dependency] {
                    parents.append(parent)
                } else {
                    unknown.append((node.uniqueID, dependency))
                }
            }
            parentLists.append(Array(Set(parents)).sorted())
        }
        self.nodes = unique
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
}
