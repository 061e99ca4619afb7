/// The message of a node that errored, worded as dbt words it: the kind of error and the node,
/// then the database's or the compiler's message, then where the SQL that ran is.
enum FailureMessage {
    static func text(_ error: Error, node: ProjectNode, runPath: String?) -> String {
        let detail: String
        let kind: String
        switch error {
        case let error as DBTError:
            detail = error.description
            kind = error.kind == .execution ? "Database Error" : error.kind == .compilation ? "Compilation Error" : "Runtime Error"
        case let errors as DBTErrors:
            detail = errors.description
            kind = "Compilation Error"
        default:
            detail = String(describing: error)
            kind = "Runtime Error"
        }
        var lines = ["\(kind) in \(node.resourceType.rawValue) \(node.name) (\(node.originalFilePath))"]
        lines += detail.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        if let runPath, kind == "Database Error" { lines.append("  compiled code at \(runPath)") }
        return lines.joined(separator: "\n")
    }
}
