/// The kinds of nodes in a project graph, named as dbt names them in unique IDs and `ls`.
public enum ResourceType: String, Sendable, Hashable, CaseIterable {
    case model, seed, source, test, snapshot, analysis, macro, exposure, metric
    case unitTest = "unit_test"
    case semanticModel = "semantic_model"
    case savedQuery = "saved_query"
}
