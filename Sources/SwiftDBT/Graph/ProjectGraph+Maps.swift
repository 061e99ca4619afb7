extension ProjectGraph {
    /// The manifest's `parent_map`: every node's unique ID to the sorted unique IDs it depends on.
    public var parentMap: [String: [String]] {
        edgeMap(parents(of:))
    }

    /// The manifest's `child_map`: every node's unique ID to the sorted unique IDs depending on it.
    public var childMap: [String: [String]] {
        edgeMap(children(of:))
    }

    /// Neighbour lists are in index order, which is unique-ID order, so they come out sorted.
    private func edgeMap(_ neighbours: (Int) -> ArraySlice<Int>) -> [String: [String]] {
        var map: [String: [String]] = [:]
        map.reserveCapacity(count)
        for (index, node) in nodes.enumerated() {
            map[node.uniqueID] = neighbours(index).map { nodes[$0].uniqueID }
        }
        return map
    }
}
