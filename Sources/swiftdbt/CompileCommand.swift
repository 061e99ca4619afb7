import ArgumentParser
import Foundation
import SwiftDBT

/// `swiftdbt compile`: renders models, tests and analyses to SQL under `target/compiled/`; as dbt, it writes
/// `run_results.json` when every node compiled (which `retry` reads).
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
            // The manifest's sections after its nodes and the ref table are made while selection keeps this thread.
            let prepared = CompileTask.Prepared(loaded)
            let selected = try selection.select(in: loaded, types: [.model, .test, .analysis, .snapshot, .seed], console: console)
            try CompileCommand.compile(loaded, selected: selected, args: InvocationArgs("compile", project: project, selection: selection),
                                       console: console, prepared: prepared)
        }
    }

    /// Compiles `selected` ("Nothing to do" when there is nothing), prints the SQL of each compiled node whose name
    /// is part of the first `--select` value as dbt does, and writes `run_results.json` with `args`.
    static func compile(_ loaded: LoadedProject, selected: [String], args: InvocationArgs, console: Console,
                        prepared: CompileTask.Prepared? = nil) throws {
        let started = Date()
        guard selected.contains(where: { loaded.manifest.node($0) != nil }) else {
            console.info("Nothing to do. Try checking your model configs and model specification args")
            return try RunResultsWriter.write([], loaded: loaded, elapsed: Date().timeIntervalSince(started), args: args)
        }
        let results = try CompileTask.results(loaded, selected: selected, runtime: try ProjectOptions.runtime(for: loaded),
                                              prepared: prepared)
        let count = results.count { $0.compiledCode != nil }
        console.info("Compiled \(count) node\(count == 1 ? "" : "s") into \(TargetPaths(loaded.session.project).file("compiled"))")
        try RunResultsWriter.write(results, loaded: loaded, elapsed: Date().timeIntervalSince(started), args: args)
        guard let first = args.select.first else { return }
        for result in results {
            guard let node = loaded.manifest.node(result.uniqueID), let sql = result.compiledCode, first.contains(node.name) else { continue }
            console.print([sql], as: .init(kind: .compiled, node: (node.name, node.uniqueID), project: loaded.session.project.name,
                                           quiet: args.quiet))
        }
    }
}
