/// MetricFlow's checks of the semantic layer that dbt-core 1.10 runs once it has parsed the project (its
/// "Semantic Manifest validation failed."): SemanticValidator's errors are load errors at the entry they are
/// about, its warnings are printed and parsing goes on.
extension ManifestBuilder {
    mutating func checkSemanticModels() {
        let validator = SemanticValidator(semanticModels: semanticModels.filter(\.enabled), metrics: metrics.filter(\.enabled),
                                          savedQueries: savedQueries.filter(\.enabled))
        for issue in validator.issues() {
            switch issue.level {
            case .error:
                errors.append(quotingPropertyLine(DBTError(.project, issue.message, at: issue.location)))
            case .warning:
                session.log("[WARNING]: " + (issue.location.map { "\($0): " } ?? "") + issue.message)
            }
        }
    }
}
