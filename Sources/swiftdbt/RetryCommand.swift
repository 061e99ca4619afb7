import ArgumentParser
import Foundation
import SwiftDBT

/// `swiftdbt retry`: runs the last invocation's command again (its flags and selection from
/// `run_results.json` `args`) over the nodes that errored, failed or were skipped, as dbt's retry does
/// (`seed`, `run`, `test`, `build`, `snapshot`, `clone`, `compile`), or runs `run-operation`'s macro or `docs generate` again.
/// `--vars` and `--threads` given now replace the last ones; `--warn-error` also retries warnings.
struct RetryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "retry",
                                                    abstract: "Re-run what failed or was skipped last time, with that run's command and flags.")

    @OptionGroup var project: ProjectOptions

    @Option(help: "The folder of the run_results.json to retry (default: the target folder).")
    var state: String?

    @Flag(name: .customLong("warn-error"), help: "Also retry what warned, and treat warnings as errors.")
    var warnError = false

    func run() throws {
        Console.run(format: project.logFormat) { console in
            let environment = ProcessInfo.processInfo.environment
            let folder = try state ?? PreviousRun.targetFolder(projectDirectory: project.projectDirectory, environment: environment)
            let previous = try PreviousRun(folder: folder)
            guard var args = previous.args else {
                throw DBTError(.usage, "\(folder)/run_results.json has no args.which: there is no command to retry")
            }
            var options = project
            options.target = args.target
            options.vars = project.vars ?? args.varsText
            options.threads = project.threads ?? args.threads
            args.projectDirectory = URL(fileURLWithPath: project.projectDirectory).standardizedFileURL.path
            args.profilesDirectory = project.profilesDirectory
            args.warnError = warnError
            args.threads = options.threads
            args.vars = (try? LoadOptions.parseMapping(options.vars, option: "--vars")) ?? []
            args.invocationCommand = (["swiftdbt"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
            let retried = previous.retryable(warnError: warnError)
            if args.which == "clone", let stateFolder = args.state {
                return try CloneCommand.clone(try options.load(console: console), state: stateFolder, args: args, console: console) { loaded in
                    retried.filter { loaded.manifest.node($0) != nil }
                }
            }
            if args.which == "compile" {
                let loaded = try options.load(console: console)
                return try CompileCommand.compile(loaded, selected: retried.filter { loaded.manifest.node($0) != nil }, args: args,
                                                  console: console)
            }
            // dbt-core 1.10.23 compiles only what failed and then writes the catalog (or fails); the site is one
            // artifact of the whole project, so swiftdbt generates it again as it was asked for.
            if args.which == "generate" {
                let selection = try SelectionOptions.parse((args.select.isEmpty ? [] : ["--select"] + args.select)
                    + (args.exclude.isEmpty ? [] : ["--exclude"] + args.exclude) + (args.selector.map { ["--selector", $0] } ?? []))
                return try DocsGenerateCommand.generate(try options.load(console: console), selection: selection, args: args, console: console)
            }
            // As dbt: the operation runs again with its arguments, whether it failed or not.
            if args.which == "run-operation", args.macro != nil {
                return try RunOperationCommand.operate(project: options, args: args, console: console)
            }
            guard let command = RunOptions.Command(rawValue: args.which) else {
                throw DBTError(.usage, "swiftdbt cannot retry '\(args.which)' (it retries seed, run, test, build, snapshot, clone, compile, run-operation and docs generate)")
            }
            try RunInvocation.execute(command, project: options, flags: args, console: console, args: args, deferral: { loaded, selected, connection in
                guard args.deferToState, let stateFolder = args.state else { return loaded }
                return try Deferral.apply(loaded, state: StateManifest.read(stateFolder), selected: Set(selected),
                                          favorState: args.favorState, connection: connection).loaded
            }, retriedBatches: { _ in previous.partialBatches }) { loaded in
                retried.filter { loaded.manifest.runResourceType($0) != nil }
            }
        }
    }
}
