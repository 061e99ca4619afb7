import ArgumentParser
import Foundation
import SwiftDBT

/// `swiftdbt run-operation MACRO --args '{...}'`: runs a macro with a connection to the target,
/// committing what it did unless it fails (then nothing it did stays). As dbt, it writes `run_results.json`
/// (one result, the macro's, and the macro and its arguments under `args`), which `retry` runs again.
struct RunOperationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run-operation", abstract: "Run a macro against the database.")

    @OptionGroup var project: ProjectOptions

    @Argument(help: "The macro to run: its name, or package.name.")
    var macro: String

    @Option(help: "The macro's arguments as a YAML or JSON mapping, like '{name: value}'.")
    var args: String?

    func run() throws {
        Console.run(format: project.logFormat) { console in
            var invocation = InvocationArgs("run-operation", project: project, selection: try SelectionOptions.parse([]))
            invocation.macro = macro
            invocation.macroArguments = try args.map { try LoadOptions.parseMapping($0, option: "--args") }
            try RunOperationCommand.operate(project: project, args: invocation, console: console)
        }
    }

    /// Runs `args.macro` with `args.macroArguments` and writes `run_results.json` as dbt does (`failures` 1 and
    /// status `error` when the macro fails, whose error then stops the invocation).
    static func operate(project: ProjectOptions, args: InvocationArgs, console: Console) throws {
        let loaded = try project.load(console: console)
        let runtime = try ProjectOptions.runtime(for: loaded, transactional: true)
        let compiler = Compiler(session: loaded.session, manifest: loaded.manifest, runtime: runtime,
                                flags: InvocationFlags(which: "run-operation"))
        let name = args.macro ?? ""
        let started = Date()
        let macro = try compiler.operationMacro(name)
        console.info("Running operation \(name)")
        let compiled = Date()
        var failure: (any Error)?
        do {
            _ = try compiler.runOperation(macro, arguments: args.macroArguments ?? [])
            try runtime.finish(succeeded: true)
        } catch {
            try? runtime.finish(succeeded: false)
            failure = error
        }
        let result = NodeResult.operation(macro.uniqueID, failed: failure != nil, startedAt: started, compiledAt: compiled,
                                          completedAt: Date())
        try RunResultsWriter.write([result], loaded: loaded, elapsed: result.completedAt.timeIntervalSince(loaded.session.runStartedAt),
                                   args: args)
        if let failure { throw failure }
    }
}
