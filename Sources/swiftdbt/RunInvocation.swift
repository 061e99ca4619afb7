import ArgumentParser
import Foundation
import SwiftDBT

/// What `seed`, `run`, `test`, `build` and `retry` share: connect, run the selection, write
/// artifacts, print the summary, exit 1 when anything failed.
enum RunInvocation {
    /// `deferral` may point refs of nodes not selected elsewhere (`--defer`); the manifest written is the project's own.
    /// `args` go to `run_results.json` (by default the command alone).
    static func execute(_ command: RunOptions.Command, project: ProjectOptions, flags: some RunSettings, console: Console,
                        args: InvocationArgs? = nil,
                        deferral: (LoadedProject, [String], any DatabaseConnection) throws -> LoadedProject = { loaded, _, _ in loaded },
                        retriedBatches: (LoadedProject) throws -> [String: BatchResults] = { _ in [:] },
                        select: (LoadedProject) throws -> [String]) throws {
        let parsed = try project.load(console: console)
        let selected = try select(parsed)
        let (adapter, lock, connection) = try open(parsed, console: console)
        defer { withExtendedLifetime(lock) {} }
        let loaded = try deferral(parsed, selected, connection)
        var options = try flags.options(command)
        options.retriedBatches = try retriedBatches(loaded)
        let args = args ?? InvocationArgs(which: command.rawValue, projectDirectory: loaded.session.project.root,
                                          invocationCommand: (["swiftdbt"] + CommandLine.arguments.dropFirst()).joined(separator: " "))
        let target = loaded.session.target
        let root = loaded.session.project.root
        let threads = min(target.threads, adapter.maxConnections)
        let reporter = RunConsole(console: console, dialect: loaded.session.dialect)
        let runner = Runner(loaded: loaded, connection: connection, threads: threads,
                            connect: { try adapter.connect(target, projectRoot: root) }, options: options, reporter: reporter)
        let interrupt = InterruptHandler { runner.cancel() }
        defer { interrupt.stop() }
        let started = Date()
        console.info("")
        guard selected.contains(where: { loaded.manifest.runResourceType($0) != nil }) else {
            console.info("Nothing to do. Try checking your model configs and model specification args")
            try RunResultsWriter.write([], loaded: loaded, elapsed: Date().timeIntervalSince(started), args: args)
            return
        }
        console.info("Concurrency: \(threads) threads (target='\(target.name)')", .concurrencyLine,
                     data: [("num_threads", .int(threads)), ("target_name", .string(target.name)), ("node_count", .int(selected.count))])
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
        try RunResultsWriter.write(results, loaded: loaded, elapsed: elapsed, args: args)
        try ManifestWriter.write(parsed)
        RunSummary.print(results, manifest: loaded.manifest, elapsed: elapsed, interrupted: runner.wasCancelled, console: console,
                         dialect: loaded.session.dialect)
        if runner.wasCancelled { throw DBTError(.execution, "interrupted: the statement in flight was rolled back") }
        if results.contains(where: { $0.isFailure || (options.warnError && $0.status == .warn) }) {
            throw ExitCode.failure
        }
    }
}

extension RunInvocation {
    /// The target's adapter, the lock a writing run holds on its database file until its artifacts are
    /// written (a second run on the same SQLite file waits for it), and a connection.
    static func open(_ loaded: LoadedProject, console: Console) throws
        -> (adapter: any ExecutionAdapter, lock: WriterLock?, connection: any DatabaseConnection) {
        guard let adapter = ProjectOptions.adapters.factory(for: loaded.session.target.type) as? any ExecutionAdapter else {
            throw DBTError(.project, "the '\(loaded.session.target.type)' adapter cannot run models")
        }
        let root = loaded.session.project.root
        let lock = try adapter.exclusiveFile(loaded.session.target, projectRoot: root).map { file in
            try WriterLock(database: file, projectRoot: root, timeout: WriterLock.timeout(in: ProcessInfo.processInfo.environment)) { shown in
                console.info("Waiting for another swiftdbt run using \(shown) to finish")
            }
        }
        return (adapter, lock, try adapter.connect(loaded.session.target, projectRoot: root))
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
