/// Evaluates a `SelectionSpec` on a graph the way dbt's node selector does, in time linear in nodes and edges
/// per criterion.
///
/// Each part yields its directly selected nodes and its candidates: those plus tests waiting for more of their
/// parents (cautious and buildable modes). A group combines both sets with its operation, then admits the
/// waiting tests whose parents the combined selection now covers.
struct SelectionEvaluator {
    /// What one part of a spec selected.
    private struct Outcome {
        var direct: NodeSet
        var candidates: NodeSet
    }

    private let graph: ProjectGraph
    private let commandMode: IndirectSelection
    private let rootProject: String?
    private let state: StateComparison?
    /// The raw text of groups that expected matches and found none, in evaluation order.
    private(set) var unmatched: [String] = []

    init(graph: ProjectGraph, commandMode: IndirectSelection, rootProject: String?, state: StateComparison? = nil) {
        self.state = state
        self.graph = graph
        self.commandMode = commandMode
        self.rootProject = rootProject
    }

    /// The nodes `spec` selects.
    mutating func select(_ spec: SelectionSpec) -> NodeSet {
        outcome(of: spec).direct
    }

    private mutating func outcome(of spec: SelectionSpec) -> Outcome {
        switch spec {
        case .criterion(let criterion): return outcome(of: criterion)
        case .group(let group): return outcome(of: group)
        }
    }

    private func outcome(of criterion: SelectionCriterion) -> Outcome {
        let matcher = NodeMatcher(criterion, rootProject: rootProject, state: state)
        let matched = NodeSet(capacity: graph.count, graph.nodes.indices.filter { matcher.matches(graph.nodes, at: $0) })
        var selected = matched
        if criterion.childrensParents {
            let downstream = matched.union(graph.descendants(of: matched))
            selected.formUnion(downstream.union(graph.ancestors(of: downstream)))
        }
        if criterion.parents { selected.formUnion(graph.ancestors(of: matched, depth: criterion.parentsDepth)) }
        if criterion.children { selected.formUnion(graph.descendants(of: matched, depth: criterion.childrenDepth)) }
        return addingTests(to: selected, mode: criterion.indirectSelection ?? commandMode)
    }

    /// dbt's test expansion: each test directly downstream of the selection joins (eager), joins when all its
    /// parents are selected (cautious), or selected or upstream of the selection or sources (buildable), or
    /// else waits as a candidate.
    private func addingTests(to selected: NodeSet, mode: IndirectSelection) -> Outcome {
        guard mode != .empty else { return Outcome(direct: selected, candidates: selected) }
        var buildable = graph.emptySet()
        if mode == .buildable {
            buildable = selected.union(graph.ancestors(of: selected))
            buildable.formUnion(NodeSet(capacity: graph.count,
                                        graph.nodes.indices.filter { graph.nodes[$0].resourceType == .source }))
        }
        var direct = selected
        var candidates = selected
        var seen = graph.emptySet()
        for node in selected {
            for test in graph.children(of: node) where [.test, .unitTest].contains(graph.nodes[test].resourceType) && seen.insert(test) {
                if mode == .eager || parentsCovered(test, by: selected)
                    || (mode == .buildable && parentsCovered(test, by: buildable)) {
                    direct.insert(test)
                }
                candidates.insert(test)
            }
        }
        return Outcome(direct: direct, candidates: candidates)
    }

    private mutating func outcome(of group: SelectionGroup) -> Outcome {
        let parts = group.components.map { outcome(of: $0) }
        var direct = combine(parts.map(\.direct), group.operation)
        let candidates = combine(parts.map(\.candidates), group.operation)
        switch group.indirectSelection ?? commandMode {
        case .cautious:
            admitWaitingTests(from: candidates, into: &direct, covering: nil)
        case .buildable:
            admitWaitingTests(from: candidates, into: &direct, covering: direct.union(graph.ancestors(of: direct)))
        case .eager, .empty:
            break
        }
        if group.expectsMatches && direct.isEmpty { unmatched.append(group.raw) }
        return Outcome(direct: direct, candidates: candidates)
    }

    /// Adds each waiting candidate whose parents all lie in `covering` (the selection itself when nil).
    private func admitWaitingTests(from candidates: NodeSet, into direct: inout NodeSet, covering: NodeSet?) {
        let basis = covering ?? direct
        for test in candidates.subtracting(direct) where parentsCovered(test, by: basis) {
            direct.insert(test)
        }
    }

    private func combine(_ sets: [NodeSet], _ operation: SelectionGroup.Operation) -> NodeSet {
        guard var result = sets.first else { return graph.emptySet() }
        for set in sets.dropFirst() {
            switch operation {
            case .union: result.formUnion(set)
            case .intersection: result.formIntersection(set)
            case .difference: result.subtract(set)
            }
        }
        return result
    }

    private func parentsCovered(_ node: Int, by set: NodeSet) -> Bool {
        graph.parents(of: node).allSatisfy(set.contains)
    }
}
