/// The message of a node that errored, worded as dbt words it: the kind of error and the node,
/// then the database's or the compiler's message, then where the SQL that ran is.
enum FailureMessage {
    private enum Kind: String {
        case database = "Database Error", compilation = "Compilation Error", runtime = "Runtime Error"
    }

    static func text(_ error: Error, node: ProjectNode, runPath: String?) -> String {
        text(error, subject: "\(node.resourceType.rawValue) \(node.name) (\(node.originalFilePath))", runPath: runPath)
    }

    /// The message for `subject`, written `<type> <name> (<file>)` (a source table: `source orders (models/sources.yml)`).
    static func text(_ error: Error, subject: String, runPath: String?) -> String {
        let (kind, detail): (Kind, String) = switch error {
        case let error as DBTError: (error.kind == .execution ? .database : error.kind == .compilation ? .compilation : .runtime,
                                     error.description)
        case let errors as DBTErrors: (.compilation, errors.description)
        default: (.runtime, String(describing: error))
        }
        var lines = ["\(kind.rawValue) in \(subject)"]
        lines += detail.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        if let runPath, kind == .database { lines.append("  compiled code at \(runPath)") }
        return lines.joined(separator: "\n")
    }
}
