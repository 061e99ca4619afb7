extension ProjectGraph {
    /// Every node after all of its parents; among nodes ready at the same time, the smallest unique ID first.
    ///
    /// Throws a `.project` error naming a cycle (`Found a cycle: a -> b -> a`) when the graph has one.
    public func topologicalOrder() throws -> [Int] {
        var waiting = (0..<count).map { parents(of: $0).count }
        var ready = MinHeap()
        for node in 0..<count where waiting[node] == 0 { ready.push(node) }
        var order: [Int] = []
        order.reserveCapacity(count)
        while let node = ready.pop() {
            order.append(node)
            for child in children(of: node) {
                waiting[child] -= 1
                if waiting[child] == 0 { ready.push(child) }
            }
        }
        guard order.count == count else {
            let cycle = findCycle(among: waiting).map { nodes[$0].uniqueID }
            throw DBTError(.project, "Found a cycle: " + cycle.joined(separator: " -> "))
        }
        return order
    }

    /// A cycle among the nodes the sort could not place (those still waiting for a parent), in edge direction,
    /// starting and ending at its smallest node.
    ///
    /// Every unplaced node has an unplaced parent, so walking to unplaced parents must revisit a node.
    private func findCycle(among waiting: [Int]) -> [Int] {
        guard let start = waiting.firstIndex(where: { $0 > 0 }) else { return [] }
        var position: [Int: Int] = [:]
        var path: [Int] = []
        var node = start
        while position[node] == nil {
            position[node] = path.count
            path.append(node)
            guard let parent = parents(of: node).first(where: { waiting[$0] > 0 }) else { return [] }
            node = parent
        }
        let loop = Array(path[(position[node] ?? 0)...].reversed())
        let first = loop.indices.min { loop[$0] < loop[$1] } ?? 0
        let rotated = Array(loop[first...] + loop[..<first])
        return rotated + [rotated[0]]
    }
}
