/// The nodes a run executes, in the order dbt runs them on one thread, and what each waits for.
///
/// A node waits for its nearest upstream nodes in the run (edges through unselected nodes are
/// kept, as dbt's subset graph keeps them) and, in `build`, for the tests of those nodes whose
/// every parent is upstream of it (dbt's test edges): a failing test skips what is built from
/// the data it tested, not the other tests of that data.
///
/// The order is dbt's graph queue with one thread: whatever is ready is handed out at once, by
/// depth in the graph, then unique ID; the nodes that a finished node releases queue up behind.
/// Selected ephemeral models take their place in the graph but are not executed.
struct RunPlan {
    /// The nodes to execute, in run order.
    let nodes: [ProjectNode]
    /// For each of `nodes`, the positions in `nodes` it waits for.
    let waitsFor: [[Int]]

    init(manifest: Manifest, selected: Set<String>, options: RunOptions) {
        let runnable = options.resourceTypes.isDisjoint(with: Manifest.noOpTypes) ? manifest.nodes : manifest.nodes + manifest.noOpNodes
        let members = runnable.filter { selected.contains($0.uniqueID) && options.resourceTypes.contains($0.resourceType) }
        let graph = MemberGraph(members: members, manifest: manifest, testEdges: options.command == .build)
        let order = graph.queueOrder()
        let runs = order.filter { !graph.isEphemeral($0) }
        let position = Dictionary(uniqueKeysWithValues: runs.enumerated().map { ($1, $0) })
        nodes = runs.map { members[$0] }
        waitsFor = runs.map { member in graph.executedWaits(of: member).compactMap { position[$0] }.sorted() }
    }
}

/// The run's nodes as a graph over their positions in `members`.
private struct MemberGraph {
    let members: [ProjectNode]
    /// For each member, the members it waits for.
    private(set) var waits: [[Int]] = []

    init(members: [ProjectNode], manifest: Manifest, testEdges: Bool) {
        self.members = members
        let index = Dictionary(members.enumerated().map { ($1.uniqueID, $0) }, uniquingKeysWith: { a, _ in a })
        // Exposures and saved queries reach the models they use through metrics and semantic models.
        let resources = Dictionary(manifest.resourceGraphNodes.map { ($0.uniqueID, $0.dependsOn) }, uniquingKeysWith: { a, _ in a })
        let parents = { (id: String) in manifest.node(id)?.dependsOn ?? resources[id] ?? [] }
        var nearest: [String: Set<Int>] = [:]
        /// The members nearest upstream of `id` (itself when it is one), through unselected nodes.
        func upstream(_ id: String) -> Set<Int> {
            if let member = index[id] { return [member] }
            if let known = nearest[id] { return known }
            nearest[id] = []
            let found = parents(id).reduce(into: Set<Int>()) { $0.formUnion(upstream($1)) }
            nearest[id] = found
            return found
        }
        // A unit test runs before the model it tests, after that model's own inputs, as in dbt.
        waits = members.map { node in
            (node.unitTest.flatMap { manifest.node($0.testedModel)?.dependsOn } ?? node.dependsOn)
                .reduce(into: Set<Int>()) { $0.formUnion(upstream($1)) }.sorted()
        }
        if testEdges {
            addTestEdges(index: index, manifest: manifest)
            // dbt's build runs a model's unit tests one after another just before it; after a failure the
            // rest are skipped, and the model with them.
            var previous: [String: Int] = [:]
            for test in members.indices.sorted(by: { members[$0].uniqueID < members[$1].uniqueID }) {
                guard let model = members[test].unitTest?.testedModel else { continue }
                if let before = previous[model] { waits[test] = Set(waits[test] + [before]).sorted() }
                previous[model] = test
                if let tested = index[model] { waits[tested] = Set(waits[tested] + [test]).sorted() }
            }
        }
    }

    /// dbt's test edges: a test gates the members built from everything it tests. The members
    /// nearest downstream of each tested node are gated (the rest wait for them); with several
    /// tested nodes, only those downstream of all of them. Exposures and saved queries are not gated, as in dbt.
    private mutating func addTestEdges(index: [String: Int], manifest: Manifest) {
        var children: [String: [String]] = [:]
        for node in manifest.nodes { for parent in node.dependsOn { children[parent, default: []].append(node.uniqueID) } }
        var nearest: [String: Set<Int>] = [:]
        func downstream(_ id: String) -> Set<Int> {
            if let known = nearest[id] { return known }
            nearest[id] = []
            let found = (children[id] ?? []).reduce(into: Set<Int>()) { found, child in
                if let member = index[child] { found.insert(member) } else { found.formUnion(downstream(child)) }
            }
            nearest[id] = found
            return found
        }
        var ancestors: [String: Set<String>] = [:]
        func ancestorsOf(_ id: String) -> Set<String> {
            if let known = ancestors[id] { return known }
            let parents = manifest.node(id)?.dependsOn ?? []
            let found = parents.reduce(into: Set(parents)) { $0.formUnion(ancestorsOf($1)) }
            ancestors[id] = found
            return found
        }
        for (test, node) in members.enumerated() where node.resourceType == .test {
            let tested = Set(node.dependsOn)
            let gated = tested.reduce(into: Set<Int>()) { $0.formUnion(downstream($1)) }.filter { member in
                ![.test, .unitTest].contains(members[member].resourceType)
                    && (tested.count == 1 || tested.isSubset(of: ancestorsOf(members[member].uniqueID)))
            }
            for member in gated { waits[member] = Set(waits[member] + [test]).sorted() }
        }
    }

    func isEphemeral(_ member: Int) -> Bool {
        members[member].resourceType == .model && members[member].config.materialized == "ephemeral"
    }

    /// What `member` waits for among executed members: an ephemeral model's waits stand in for it.
    func executedWaits(of member: Int) -> Set<Int> {
        waits[member].reduce(into: Set<Int>()) { found, wait in
            if isEphemeral(wait) { found.formUnion(executedWaits(of: wait)) } else { found.insert(wait) }
        }
    }

    /// dbt's one-thread queue order: ready nodes by (depth, unique ID), each finished node's newly
    /// ready children queued behind the nodes already handed out.
    func queueOrder() -> [Int] {
        var children = Array(repeating: [Int](), count: members.count)
        var pending = waits.map(\.count)
        for (member, list) in waits.enumerated() { for wait in list { children[wait].append(member) } }
        var depth = Array(repeating: 0, count: members.count)
        var order = ready(members.indices.filter { pending[$0] == 0 }, depth: depth)
        var next = 0
        while next < order.count {
            let done = order[next]
            next += 1
            var released: [Int] = []
            for child in children[done] {
                depth[child] = max(depth[child], depth[done] + 1)
                pending[child] -= 1
                if pending[child] == 0 { released.append(child) }
            }
            order += ready(released, depth: depth)
        }
        return order
    }

    private func ready(_ batch: [Int], depth: [Int]) -> [Int] {
        batch.sorted { (depth[$0], members[$0].uniqueID) < (depth[$1], members[$1].uniqueID) }
    }
}
