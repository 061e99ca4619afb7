import ArgumentParser
import SwiftDBT

/// `swiftdbt run-operation MACRO --args '{...}'`: runs a macro with a connection to the target,
/// committing what it did unless it fails (then nothing it did stays).
struct RunOperationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run-operation", abstract: "Run a macro against the database.")

    @OptionGroup var project: ProjectOptions

    @Argument(help: "The macro to run: its name, or package.name.")
    var macro: String

    @Option(help: "The macro's arguments as a YAML or JSON mapping, like '{name: value}'.")
    var args: String?

    func run() throws {
        Console.run(format: project.logFormat) { console in
            let arguments = try LoadOptions.parseMapping(args, option: "--args")
            let loaded = try project.load(console: console)
            let runtime = try ProjectOptions.runtime(for: loaded, transactional: true)
            let compiler = Compiler(session: loaded.session, manifest: loaded.manifest, runtime: runtime,
                                    flags: InvocationFlags(which: "run-operation"))
            console.info("Running operation \(macro)")
            do {
                _ = try compiler.runOperation(macro, arguments: arguments)
            } catch {
                try? runtime.finish(succeeded: false)
                throw error
            }
            try runtime.finish(succeeded: true)
        }
    }
}
