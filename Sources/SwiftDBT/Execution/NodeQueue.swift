import Foundation

/// Hands out the nodes of a run to worker threads as soon as what they wait for has finished,
/// and decides which to skip: a node waits for what its `RunPlan` says (its parents and, in `build`,
/// their tests); it is skipped when one of those failed or was skipped, or after `--fail-fast` or Ctrl-C.
///
/// Thread-safe: workers call `next()` and `finish(_:failed:)` from any thread.
final class NodeQueue: @unchecked Sendable {
    /// A node to run (or to report as skipped), with its position in the run.
    struct Item {
        var node: ProjectNode
        /// Where the node is in the plan (what `finish` takes).
        var position: Int
        /// The node's number in the progress lines (`3 of 12`).
        var index: Int
        var skip: Bool
    }

    private let condition = NSCondition()
    private let nodes: [ProjectNode]
    /// For each node, the positions it waits for.
    private let waitsFor: [[Int]]
    private var started: [Bool]
    private var finished: [Bool]
    /// Positions that failed or were skipped.
    private var bad: Set<Int> = []
    private var stopped = false
    private var handedOut = 0

    /// One worker runs `plan`'s nodes exactly in its order.
    init(_ plan: RunPlan) {
        nodes = plan.nodes
        waitsFor = plan.waitsFor
        started = Array(repeating: false, count: nodes.count)
        finished = Array(repeating: false, count: nodes.count)
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
                let skip = stopped || waitsFor[ready].contains(where: bad.contains)
                if skip { bad.insert(ready) }
                return Item(node: nodes[ready], position: ready, index: handedOut, skip: skip)
            }
            condition.wait()
        }
    }

    /// Records that the node at `position` is done; `failed` skips what waits for it.
    /// `stop` ends the run (`--fail-fast`).
    func finish(_ position: Int, failed: Bool, stop: Bool = false) {
        condition.lock()
        defer { condition.unlock() }
        finished[position] = true
        if failed { bad.insert(position) }
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
