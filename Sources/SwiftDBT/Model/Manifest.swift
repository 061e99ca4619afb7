/// Everything a parse found: nodes, sources and macros, plus the graph over them.
public struct Manifest: Sendable {
    public var projectName: String
    /// Models, seeds, tests, analyses and snapshots by unique ID, in a stable order.
    public var nodes: [ProjectNode]
    public var sources: [SourceTable]
    public var macros: [MacroEntry]
    /// Generic test definitions (`{% test %}` blocks) and materializations are among `macros`.
    public var disabled: [ProjectNode]
    /// `{% docs %}` blocks, the built-in `__overview__` first.
    public var docs: [DocBlock]
    /// `exposures:` entries, with what they depend on.
    public var exposures: [Exposure]
    /// The `groups:` of every package.
    public var groups: [ProjectGroup]
    /// The semantic layer: `semantic_models:`, `metrics:`, `saved_queries:` (enabled ones), linked.
    public var semanticModels: [SemanticModel]
    public var metrics: [Metric]
    public var savedQueries: [SavedQuery]
    /// Disabled exposures, semantic models, metrics and saved queries as the manifest's `disabled` lists them, by unique ID.
    public var disabledPropertyResources: [(key: String, value: ConfigValue)] = []

    private var nodeIndex: [String: Int]
    private var sourceIndex: [String: Int]

    public init(projectName: String, nodes: [ProjectNode], sources: [SourceTable], macros: [MacroEntry],
                disabled: [ProjectNode], docs: [DocBlock] = [], exposures: [Exposure] = [], groups: [ProjectGroup] = [],
                semanticModels: [SemanticModel] = [], metrics: [Metric] = [], savedQueries: [SavedQuery] = []) {
        self.projectName = projectName
        self.nodes = nodes
        self.sources = sources
        self.macros = macros
        self.disabled = disabled
        self.docs = docs
        self.exposures = exposures
        self.groups = groups
        self.semanticModels = semanticModels
        self.metrics = metrics
        self.savedQueries = savedQueries
        nodeIndex = Manifest.positions(of: nodes.indices) { nodes[$0].uniqueID }
        sourceIndex = Manifest.positions(of: sources.indices) { sources[$0].uniqueID }
    }

    /// The first position of each unique ID (read in place: copying each node out cost two dozen retains).
    private static func positions(of indices: Range<Int>, _ uniqueID: (Int) -> String) -> [String: Int] {
        var found = [String: Int](minimumCapacity: indices.count)
        // Last to first, so that a repeated ID ends at its first position: one hash a node, not a lookup and an insert.
        for position in indices.reversed() { found[uniqueID(position)] = position }
        return found
    }

    public func node(_ uniqueID: String) -> ProjectNode? { nodeIndex[uniqueID].map { nodes[$0] } }
    /// Where `node(uniqueID)` is in `nodes`: a caller that reads a few fields of many nodes need not copy each.
    func position(of uniqueID: String) -> Int? { nodeIndex[uniqueID] }
    public func source(_ uniqueID: String) -> SourceTable? { sourceIndex[uniqueID].map { sources[$0] } }

    /// Replaces a node (after compilation filled in its SQL, for example).
    public mutating func update(_ node: ProjectNode) {
        if let index = nodeIndex[node.uniqueID] { nodes[index] = node }
    }

    /// The graph of nodes, sources, exposures and the semantic layer, for selection and ordering.
    /// Nodes are read in place by position: a node handed to `map`'s closure would be copied whole.
    public var graphNodes: [GraphNode] {
        // Appended into one array: joining arrays with `+` copies every node of the first again.
        var graph: [GraphNode] = []
        graph.reserveCapacity(nodes.count + sources.count + exposures.count + metrics.count + semanticModels.count + savedQueries.count)
        for index in nodes.indices {
            graph.append(GraphNode(uniqueID: nodes[index].uniqueID, name: nodes[index].name, resourceType: nodes[index].resourceType,
                                   packageName: nodes[index].packageName, fqn: nodes[index].fqn,
                                   originalFilePath: nodes[index].originalFilePath, tags: nodes[index].config.tags,
                                   config: nodes[index].config.entries, dependsOn: nodes[index].dependsOn,
                                   testKind: nodes[index].resourceType == .test ? (nodes[index].test == nil ? .singular : .generic) : nil,
                                   testName: nodes[index].test?.name, attachedNode: nodes[index].test?.attachedNode,
                                   version: nodes[index].version))
        }
        for source in sources {
            graph.append(GraphNode(uniqueID: source.uniqueID, name: source.name, resourceType: .source,
                                   packageName: source.packageName, fqn: source.fqn, originalFilePath: source.originalFilePath,
                                   tags: source.config.tags, config: source.config.entries, sourceName: source.sourceName))
        }
        graph += resourceGraphNodes
        return graph
    }
}
