import Foundation

/// Hands out the nodes of a run to worker threads as soon as what they wait for has finished,
/// and decides which to skip: a node waits for its parents (and, in `build`, for its parents'
/// tests); it is skipped when one of them failed or was skipped, or after `--fail-fast` or Ctrl-C.
///
/// Thread-safe: workers call `next()` and `finish(_:failed:)` from any thread.
final class NodeQueue: @unchecked Sendable {
    /// A node to run (or to report as skipped), with its position in the run.
    struct Item {
        var node: ProjectNode
        var index: Int
        var skip: Bool
    }

    private let condition = NSCondition()
    private let nodes: [ProjectNode]
    /// For each node, the positions it waits for.
    private let waitsFor: [[Int]]
    private var started: [Bool]
    private var finished: [Bool]
    private var bad: Set<String> = []
    private var stopped = false
    private var handedOut = 0
    private let gatesOnTests: Bool

    /// `sequence` is the preferred order (dependencies first); one worker runs it exactly so.
    init(_ sequence: [ProjectNode], gatesOnTests: Bool) {
        nodes = sequence
        self.gatesOnTests = gatesOnTests
        let position = Dictionary(sequence.enumerated().map { ($1.uniqueID, $0) }, uniquingKeysWith: { a, _ in a })
        var testsOf: [String: [Int]] = [:]
        for (index, node) in sequence.enumerated() where node.resourceType == .test {
            for parent in node.dependsOn { testsOf[parent, default: []].append(index) }
        }
        waitsFor = sequence.map { node in
            var waits = node.dependsOn.compactMap { position[$0] }
            if gatesOnTests, node.resourceType != .test {
                waits += node.dependsOn.flatMap { testsOf[$0] ?? [] }
            }
            return waits
        }
        started = Array(repeating: false, count: sequence.count)
        finished = Array(repeating: false, count: sequence.count)
    }

    var count: Int { nodes.count }

    /// The next node whose waits are over, blocking until one is; nil when every node was handed out.
    func next() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            guard handedOut < nodes.count else { return nil }
            if let ready = nodes.indices.first(where: { !started[$0] && waitsFor[$0].allSatisfy { finished[$0] } }) {
                started[ready] = true
                handedOut += 1
                let node = nodes[ready]
                let skip = stopped || node.dependsOn.contains(where: bad.contains)
                if skip { bad.insert(node.uniqueID) }
                return Item(node: node, index: handedOut, skip: skip)
            }
            condition.wait()
        }
    }

    /// Records that `node` is done; `failed` blocks what depends on it (and, for a failed test in
    /// `build`, what depends on the nodes it tests). `stop` ends the run (`--fail-fast`).
    func finish(_ node: ProjectNode, failed: Bool, stop: Bool = false) {
        condition.lock()
        defer { condition.unlock() }
        if let index = nodes.firstIndex(where: { $0.uniqueID == node.uniqueID }) { finished[index] = true }
        if failed {
            bad.insert(node.uniqueID)
            if node.resourceType == .test, gatesOnTests { bad.formUnion(node.dependsOn) }
        }
        if stop { stopped = true }
        condition.broadcast()
    }

    /// Skips everything not yet started (Ctrl-C).
    func stopAll() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
