import SwiftDBT

extension Console {
    /// What `show` (a preview table) or `compile` (`--inline`, or a node named by `--select`: the SQL) prints
    /// of one node. In JSON, one of dbt's `ShowNode`/`CompiledNode` events with its fields (an inline query is
    /// dbt's `inline_query`, an `sql_operation`), whatever the log level; otherwise the lines under their title.
    struct NodeOutput {
        enum Kind { case show, compiled }

        var kind: Kind
        /// The node's name and unique ID; nil for an inline query.
        var node: (name: String, uniqueID: String)?
        var project: String
        var quiet: Bool
    }

    /// Prints `lines` as `output` says.
    func print(_ lines: [String], as output: NodeOutput) {
        let inline = output.node == nil
        let name = output.node?.name ?? "inline_query"
        let title = switch (output.kind, inline) {
        case (.show, true): "Previewing inline node:"
        case (.show, false): "Previewing node '\(name)':"
        case (.compiled, true): "Compiled inline node is:"
        case (.compiled, false): "Compiled node '\(name)' is:"
        }
        guard format == .json else {
            switch output.kind {
            case .show: info(title)
            // dbt prints the compiled SQL under its title, neither with the time in front (`--quiet`: the SQL alone).
            case .compiled where !output.quiet: self.output(title)
            case .compiled: break
            }
            return lines.forEach(self.output)
        }
        // dbt's preview ends each row with a newline; its compiled SQL has none after the last line.
        let text = output.kind == .show ? lines.map { $0 + "\n" }.joined() : lines.joined(separator: "\n")
        let fields: [(key: String, value: ConfigValue)] = [
            ("is_inline", .bool(inline)), ("node_name", .string(name)), ("output_format", .string("text")),
            (output.kind == .show ? "preview" : "compiled", .string(text)), ("quiet", .bool(output.quiet)),
            ("unique_id", .string(output.node?.uniqueID ?? "sql_operation.\(output.project).inline_query")),
        ]
        self.output(LogEvent(output.kind == .show ? .showNode : .compiledNode,
                             message: output.quiet ? text : title + "\n" + text, data: fields))
    }
}
