import ArgumentParser
import Foundation
import SwiftDBT

/// `swiftdbt clone --state DIR`: the selected models, seeds and snapshots get relations in this target
/// that read the ones `--state` built (see `CloneTask`).
struct CloneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clone",
                                                    abstract: "Make the selected nodes' relations read the ones --state built.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var resourceTypes: ResourceTypeOptions

    @Flag(name: .customLong("full-refresh"), help: "Replace relations that already exist in this target.")
    var fullRefresh = false

    func run() throws {
        Console.run(format: project.logFormat) { console in
            let loaded = try project.load(console: console)
            guard let folder = selection.state ?? loaded.session.environmentVariables["DBT_STATE"], !folder.isEmpty else {
                throw DBTError(.usage, "clone needs --state (or DBT_STATE): the target folder of an earlier invocation")
            }
            var args = InvocationArgs("clone", project: project, selection: selection, resourceTypes: resourceTypes)
            args.fullRefresh = fullRefresh
            try CloneCommand.clone(loaded, state: folder, args: args, console: console) { loaded in
                try selection.select(in: loaded, types: try resourceTypes.types(.clone), console: console)
            }
        }
    }

    /// Clones what `select` picks from the state in `folder`, writes the artifacts (`args` in the run results),
    /// prints dbt's lines; exit 1 when a clone failed. `retry` of a clone comes here too.
    static func clone(_ loaded: LoadedProject, state folder: String, args: InvocationArgs, console: Console,
                      select: (LoadedProject) throws -> [String]) throws {
        let state = try StateManifest.read(folder)
        let selected = try select(loaded)
        let (_, lock, connection) = try RunInvocation.open(loaded, console: console)
        defer { withExtendedLifetime(lock) {} }
        let started = Date()
        console.info("")
        console.info("Concurrency: 1 threads (target='\(loaded.session.target.name)')", .concurrencyLine,
                     data: [("num_threads", .int(1)), ("target_name", .string(loaded.session.target.name)),
                            ("node_count", .int(selected.count))])
        console.info("")
        let results = try CloneTask(loaded: loaded, state: state, connection: connection, fullRefresh: args.fullRefresh) { console.info($0) }
            .run(selected)
        let elapsed = Date().timeIntervalSince(started)
        try RunResultsWriter.write(results, loaded: loaded, elapsed: elapsed, args: args)
        try ManifestWriter.write(loaded)
        RunSummary.print(results, manifest: loaded.manifest, elapsed: elapsed, interrupted: false, console: console, counted: false,
                         dialect: loaded.session.dialect)
        if results.contains(where: \.isFailure) { throw ExitCode.failure }
    }
}
