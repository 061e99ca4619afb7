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
        // In `build`, a node also waits for the generic tests attached to its parents (dbt's rule;
        // a relationships test that merely reads a parent does not gate its children).
        var testsOf: [String: [Int]] = [:]
        for (index, node) in sequence.enumerated() {
            if let attached = node.test?.attachedNode { testsOf[attached, default: []].append(index) }
        }
        waitsFor = sequence.enumerated().map { index, node in
            var waits = node.dependsOn.compactMap { position[$0] }
            if gatesOnTests, node.resourceType != .test {
                waits += node.dependsOn.flatMap { testsOf[$0] ?? [] }
            }
            // Only earlier nodes of the order: whatever the graph says, the queue always progresses.
            return waits.filter { $0 < index }
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

    /// Records that `node` is done; `failed` blocks what depends on it (and, for a failed generic
    /// test in `build`, what depends on the node it is attached to). `stop` ends the run (`--fail-fast`).
    func finish(_ node: ProjectNode, failed: Bool, stop: Bool = false) {
        condition.lock()
        defer { condition.unlock() }
        if let index = nodes.firstIndex(where: { $0.uniqueID == node.uniqueID }) { finished[index] = true }
        if failed {
            bad.insert(node.uniqueID)
            if gatesOnTests, let attached = node.test?.attachedNode { bad.insert(attached) }
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
