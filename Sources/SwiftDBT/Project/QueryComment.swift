import Foundation
import Jinja

/// `query-comment:` of `dbt_project.yml`: the comment every statement of a run carries, as dbt adds it.
///
/// Absent: dbt's JSON comment (`{"app": "dbt", "dbt_version": ..., "node_id": ...}`: swiftdbt keeps dbt's
/// shape and app name, so tools that read dbt's comments from a database's query log read ours).
/// `null` or `''`: no comment. A string, or `comment:` of a mapping: a template rendered for each node with
/// `node` and `connection_name` (`{{ query_comment(node) }}`). `append: true` puts the comment after the
/// statement; `job-label` (BigQuery labels in dbt) changes nothing on SQLite or PostgreSQL.
public struct QueryComment: Sendable {
    public enum Text: Sendable, Equatable {
        case none
        /// dbt's default JSON comment.
        case standard
        case template(String)
    }

    public var text: Text = .standard
    public var append = false
    public var jobLabel = false

    public init(text: Text = .standard, append: Bool = false) {
        self.text = text
        self.append = append
    }

    /// Reads the setting as written in `dbt_project.yml` (nil: not there).
    static func parse(_ node: YAMLNode?) throws -> QueryComment {
        guard let node else { return QueryComment() }
        switch node.kind {
        case .null: return QueryComment(text: .none)
        case .scalar(.string(let text)): return QueryComment(text: text.isEmpty ? .none : .template(text))
        case .mapping:
            var comment = QueryComment()
            for (key, value) in node.entries {
                switch (key, value.value) {
                case ("comment", .null): comment.text = .none
                case ("comment", .string(let text)): comment.text = text.isEmpty ? .none : .template(text)
                case ("append", .bool(let flag)): comment.append = flag
                case ("append", .null): comment.append = false
                case ("job-label", .bool(let flag)), ("job_label", .bool(let flag)): comment.jobLabel = flag
                default:
                    throw DBTError(.project, "'query-comment: \(key)' must be \(key == "comment" ? "a string" : "true or false")"
                                   + (["comment", "append", "job-label", "job_label"].contains(key) ? "" : " (unknown key)"),
                                   at: value.location)
                }
            }
            return comment
        default:
            throw DBTError(.project, "'query-comment' must be a string or a mapping with 'comment', 'append' and 'job-label'",
                           at: node.location)
        }
    }

    /// The comment for the statements run for `node` (nil: outside any node, on the connection `connectionName`).
    func render(for node: ProjectNode?, connectionName: String, compiler: Compiler) throws -> String? {
        let comment: String
        switch text {
        case .none: return nil
        case .standard:
            let target = compiler.session.target
            let last: (key: String, value: ConfigValue) = node.map { ("node_id", .string($0.uniqueID)) }
                ?? ("connection_name", .string(connectionName))
            comment = JSONWriter.string(.dict([
                ("app", .string("dbt")), ("dbt_version", .string(SwiftDBTVersion.dbtCompatible)),
                ("profile_name", .string(target.profileName)), ("target_name", .string(target.name)), last,
            ]))
        case .template(let template):
            let nodeValue = node.map { NodeValues.describe($0, session: compiler.session).jinjaValue } ?? .none
            comment = try compiler.compileInline(template, context: ["node": nodeValue, "connection_name": .string(connectionName)])
        }
        guard !comment.contains("*/") else {
            throw DBTError(.execution, "query comment contains illegal value \"*/\": \(comment)")
        }
        return comment.isEmpty ? nil : comment
    }

    /// `sql` with `comment` before it, or after it (before a final `;`) when `append`.
    static func add(_ comment: String?, to sql: String, append: Bool) -> String {
        guard let comment else { return sql }
        let text = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        guard append else { return "/* \(text) */\n" + sql }
        var statement = sql
        while let last = statement.last, last.isWhitespace { statement.removeLast() }
        guard statement.last == ";" else { return statement + "\n/* \(text) */" }
        statement.removeLast()
        return statement + "\n/* \(text) */;"
    }
}
