extension SelectionSpec {
    /// The nodes this spec selects in `graph`.
    ///
    /// - Parameters:
    ///   - indirect: the command's `--indirect-selection` mode, for criteria and groups that set none.
    ///   - rootProject: the root project's name, which `package:this` stands for.
    ///   - state: the comparison with `--state` that `state:` and `result:` read.
    public func evaluate(on graph: ProjectGraph, indirect: IndirectSelection = .eager,
                         rootProject: String? = nil, state: StateComparison? = nil) -> Selection {
        var evaluator = SelectionEvaluator(graph: graph, commandMode: indirect, rootProject: rootProject, state: state)
        let members = evaluator.select(self)
        return Selection(graph: graph, members: members, unmatchedCriteria: evaluator.unmatched)
    }
}
