import ArgumentParser
import Foundation
import SwiftDBT

/// What `seed`, `run`, `test`, `build` and `retry` share: connect, run the selection, write
/// artifacts, print the summary, exit 1 when anything failed.
enum RunInvocation {
    /// `deferral` may point refs of nodes not selected elsewhere (`--defer`); the manifest written is the project's own.
    static func execute(_ command: RunOptions.Command, project: ProjectOptions, flags: RunFlags, console: Console,
                        deferral: (LoadedProject, [String], any DatabaseConnection) throws -> LoadedProject = { loaded, _, _ in loaded },
                        retriedBatches: (LoadedProject) throws -> [String: BatchResults] = { _ in [:] },
                        select: (LoadedProject) throws -> [String]) throws {
        let parsed = try project.load(console: console)
        let selected = try select(parsed)
        guard let adapter = ProjectOptions.adapters.factory(for: parsed.session.target.type) as? any ExecutionAdapter else {
            throw DBTError(.project, "the '\(parsed.session.target.type)' adapter cannot run models")
        }
        // Held until the run's artifacts are written; a second run on the same SQLite file waits for it.
        let lock = try adapter.exclusiveFile(parsed.session.target, projectRoot: parsed.session.project.root).map { file in
            try WriterLock(database: file, projectRoot: parsed.session.project.root,
                           timeout: WriterLock.timeout(in: ProcessInfo.processInfo.environment)) { shown in
                console.info("Waiting for another swiftdbt run using \(shown) to finish")
            }
        }
        defer { withExtendedLifetime(lock) {} }
        let connection = try adapter.connect(parsed.session.target, projectRoot: parsed.session.project.root)
        let loaded = try deferral(parsed, selected, connection)
        var options = flags.options(command)
        options.retriedBatches = try retriedBatches(loaded)
        let target = loaded.session.target
        let root = loaded.session.project.root
        let threads = min(target.threads, adapter.maxConnections)
        let reporter = RunConsole(console: console)
        let runner = Runner(loaded: loaded, connection: connection, threads: threads,
                            connect: { try adapter.connect(target, projectRoot: root) }, options: options, reporter: reporter)
        let interrupt = InterruptHandler { runner.cancel() }
        defer { interrupt.stop() }
        let started = Date()
        console.info("")
        guard selected.contains(where: { loaded.manifest.node($0) != nil }) else {
            console.info("Nothing to do. Try checking your model configs and model specification args")
            try RunResultsWriter.write([], loaded: loaded, elapsed: Date().timeIntervalSince(started), command: command.rawValue)
            return
        }
        console.info("Concurrency: \(threads) threads (target='\(target.name)')")
        console.info("")
        let hooks = ProjectHooks(loaded: loaded, connection: connection, flags: InvocationFlags(options, selected: selected))
        var results = hooks.run(.start, reporter: reporter)
        if !results.isEmpty { console.info("") }
        let nodeResults = try runner.run(selected)
        results += nodeResults
        if !runner.wasCancelled && !runner.lostConnection && !loaded.session.project.onRunEnd.isEmpty {
            console.info("")
            results += hooks.run(.end, reporter: reporter, results: nodeResults)
        }
        let elapsed = Date().timeIntervalSince(started)
        try RunResultsWriter.write(results, loaded: loaded, elapsed: elapsed, command: command.rawValue)
        try ManifestWriter.write(parsed)
        RunSummary.print(results, manifest: loaded.manifest, elapsed: elapsed, interrupted: runner.wasCancelled, console: console)
        if runner.wasCancelled { throw DBTError(.execution, "interrupted: the statement in flight was rolled back") }
        if results.contains(where: { $0.isFailure || (options.warnError && $0.status == .warn) }) {
            throw ExitCode.failure
        }
    }
}

/// Turns Ctrl-C into a call to `onInterrupt` for as long as it is installed.
final class InterruptHandler: @unchecked Sendable {
    private let source: DispatchSourceSignal

    init(_ onInterrupt: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler(handler: onInterrupt)
        source.resume()
    }

    func stop() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
