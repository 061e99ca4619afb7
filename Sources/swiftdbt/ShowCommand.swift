import Foundation
import ArgumentParser
import SwiftDBT

/// `swiftdbt show`: compiles a model (or an inline query), runs it, and prints the first rows.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Preview the rows of a model or a query.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var selection: SelectionOptions

    @Option(help: "A query to run instead of a model.")
    var inline: String?

    @Option(help: "How many rows to show.")
    var limit: Int = 5

    func run() throws {
        Console.run(format: project.logFormat) { console in
            let loaded = try project.load(console: console)
            let runtime = try ProjectOptions.runtime(for: loaded)
            let compiler = Compiler(session: loaded.session, manifest: loaded.manifest, runtime: runtime,
                                    flags: InvocationFlags(which: "show"))
            let (shown, sql): ((name: String, uniqueID: String)?, String)
            if let inline {
                (shown, sql) = (nil, try compiler.compileInline(inline))
            } else {
                let selected = try selection.select(in: loaded, types: [.model, .seed, .analysis], console: console)
                guard selected.count == 1, let node = loaded.manifest.node(selected[0]) else {
                    throw DBTError(.usage, "show needs --inline or a --select that matches exactly one model (matched \(selected.count))")
                }
                (shown, sql) = ((node.name, node.uniqueID), node.resourceType == .seed
                    ? "select * from \(node.relation.map(loaded.session.dialect.render) ?? node.name)" : try compiler.compile(node))
            }
            let result = try runtime.withConnection {
                try $0.query("select * from (\n\(sql)\n) dbt_show limit \(max(0, limit))", limit: limit)
            }
            console.print(TablePrinter.lines(result), as: .init(kind: .show, node: shown, project: loaded.session.project.name,
                                                                quiet: project.logging.quiet))
        }
    }
}

/// Formats query results as dbt's preview table: `| a | b |` with a dashed rule under the header.
enum TablePrinter {
    static func lines(_ result: QueryResult) -> [String] {
        let cells = result.rows.map { $0.map(\.display) }
        let widths = result.columns.indices.map { column in
            ([result.columns[column]] + cells.map { column < $0.count ? $0[column] : "" }).map(\.count).max() ?? 0
        }
        func row(_ values: [String]) -> String {
            "| " + values.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: " | ") + " |"
        }
        return [row(result.columns), "| " + widths.map { String(repeating: "-", count: $0) }.joined(separator: " | ") + " |"]
            + cells.map(row)
    }
}
