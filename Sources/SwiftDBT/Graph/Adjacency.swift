/// Neighbour lists of a graph in compressed form: one flat array of targets and one offset per node.
struct Adjacency: Sendable {
    private let offsets: [Int]
    private let targets: [Int]

    /// Packs one sorted neighbour list per node.
    init(_ lists: [[Int]]) {
        var offsets = [0]
        offsets.reserveCapacity(lists.count + 1)
        for list in lists { offsets.append(offsets[offsets.count - 1] + list.count) }
        self.offsets = offsets
        targets = lists.flatMap { $0 }
    }

    private init(offsets: [Int], targets: [Int]) {
        self.offsets = offsets
        self.targets = targets
    }

    var nodeCount: Int { offsets.count - 1 }

    subscript(node: Int) -> ArraySlice<Int> {
        targets[offsets[node]..<offsets[node + 1]]
    }

    /// The same edges pointing the other way, each list still sorted (a counting sort over sources).
    func reversed() -> Adjacency {
        var counts = Array(repeating: 0, count: nodeCount + 1)
        for target in targets { counts[target + 1] += 1 }
        for node in 0..<nodeCount { counts[node + 1] += counts[node] }
        var fill = counts
        var reversedTargets = Array(repeating: 0, count: targets.count)
        for source in 0..<nodeCount {
            for target in self[source] {
                reversedTargets[fill[target]] = source
                fill[target] += 1
            }
        }
        return Adjacency(offsets: counts, targets: reversedTargets)
    }
}
