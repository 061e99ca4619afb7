import ArgumentParser
import SwiftDBT

/// `swiftdbt compile`: renders models, tests and analyses to SQL under `target/compiled/`.
struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compile", abstract: "Compile models, tests and analyses to SQL.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var selection: SelectionOptions

    @Option(help: "Compile one query written on the command line and print it.")
    var inline: String?

    func run() throws {
        Console.run(format: project.logFormat) { console in
            let loaded = try project.load(console: console)
            if let inline {
                let compiler = Compiler(session: loaded.session, manifest: loaded.manifest,
                                        runtime: try ProjectOptions.runtime(for: loaded))
                console.print([try compiler.compileInline(inline)], as: .init(kind: .compiled, node: nil, project: loaded.session.project.name,
                                                                              quiet: project.logging.quiet))
                return
            }
            let selected = try selection.select(in: loaded, defaultTypes: [.model, .test, .analysis, .snapshot], console: console)
            let compiled = try CompileTask.run(loaded, selected: selected, runtime: try ProjectOptions.runtime(for: loaded))
            console.info("Compiled \(compiled.count) node\(compiled.count == 1 ? "" : "s") into \(TargetPaths(loaded.session.project).file("compiled"))")
            // As dbt: the SQL of each compiled node whose name is part of the first `--select` value.
            guard let first = selection.select.first else { return }
            for id in selected {
                guard let node = loaded.manifest.node(id), let sql = compiled[id], first.contains(node.name) else { continue }
                console.print([sql], as: .init(kind: .compiled, node: (node.name, id), project: loaded.session.project.name,
                                               quiet: project.logging.quiet))
            }
        }
    }
}
