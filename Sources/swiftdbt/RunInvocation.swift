import ArgumentParser
import Foundation
import SwiftDBT

/// What `seed`, `run`, `test`, `build` and `retry` share: connect, run the selection, write
/// artifacts, print the summary, exit 1 when anything failed.
enum RunInvocation {
    static func execute(_ command: RunOptions.Command, project: ProjectOptions, flags: RunFlags, console: Console,
                        select: (LoadedProject) throws -> [String]) throws {
        let loaded = try project.load(console: console)
        let selected = try select(loaded)
        guard let adapter = ProjectOptions.adapters.factory(for: loaded.session.target.type) as? any ExecutionAdapter else {
            throw DBTError(.project, "the '\(loaded.session.target.type)' adapter cannot run models")
        }
        let connection = try adapter.connect(loaded.session.target, projectRoot: loaded.session.project.root)
        let options = flags.options(command)
        let target = loaded.session.target
        let root = loaded.session.project.root
        let runner = Runner(loaded: loaded, connection: connection, threads: min(target.threads, adapter.maxConnections),
                            connect: { try adapter.connect(target, projectRoot: root) }, options: options,
                            reporter: RunConsole(console: console, dialect: loaded.session.dialect))
        let interrupt = InterruptHandler { runner.cancel() }
        defer { interrupt.stop() }
        let started = Date()
        let hooks = ProjectHooks(loaded: loaded, connection: connection)
        try runHooks("on-run-start", hooks, console: console)
        console.info("")
        let results = try runner.run(selected)
        try runHooks("on-run-end", hooks, console: console)
        let elapsed = Date().timeIntervalSince(started)
        try RunResultsWriter.write(results, loaded: loaded, elapsed: elapsed, command: command.rawValue)
        try ManifestWriter.write(loaded)
        RunSummary.print(results, manifest: loaded.manifest, elapsed: elapsed, console: console)
        if runner.wasCancelled { throw DBTError(.execution, "interrupted: the statement in flight was rolled back") }
        if results.contains(where: { $0.isFailure || (options.warnError && $0.status == .warn) }) {
            throw ExitCode.failure
        }
    }
}

extension RunInvocation {
    /// Runs a phase's project hooks with dbt's `Running 1 on-run-start hook` lines.
    static func runHooks(_ phase: String, _ hooks: ProjectHooks, console: Console) throws {
        let count = hooks.hooks(phase).count
        guard count > 0 else { return }
        console.info("")
        console.info("Running \(count) \(phase) hook\(count == 1 ? "" : "s")")
        for index in 0..<count {
            let name = "\(hooks.projectName).\(phase).\(index)"
            let started = Date()
            do {
                try hooks.run(phase, index: index)
            } catch {
                console.info("\(index + 1) of \(count) ERROR hook: \(name) [ERROR]")
                throw error
            }
            console.info("\(index + 1) of \(count) OK hook: \(name) " + String(format: "[OK in %.2fs]", Date().timeIntervalSince(started)))
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
