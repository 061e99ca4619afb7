import Foundation
import Jinja

/// `on-run-start` and `on-run-end` from `dbt_project.yml`: SQL rendered in the root project's
/// context and run before the first node and after the last, each reported as a result of its own
/// (`operation.<project>.<project>-on-run-start-0`). A failing hook skips the rest of its phase;
/// the nodes still run, as in dbt.
public struct ProjectHooks {
    /// When a hook runs.
    public enum Phase: String, Sendable {
        case start = "on-run-start"
        case end = "on-run-end"
    }

    let loaded: LoadedProject
    let connection: any DatabaseConnection
    let flags: InvocationFlags

    public init(loaded: LoadedProject, connection: any DatabaseConnection, flags: InvocationFlags = InvocationFlags(which: "run")) {
        self.loaded = loaded
        self.connection = connection
        self.flags = flags
    }

    /// Runs every hook of `phase` in order, reporting each; returns their results. On-run-end hooks
    /// see the run's `results`, and the `schemas` and `database_schemas` its nodes built in.
    public func run(_ phase: Phase, reporter: any RunReporter, results runResults: [NodeResult] = []) -> [NodeResult] {
        let project = loaded.session.project
        let context = phase == .end ? RunEndContext.values(runResults, manifest: loaded.manifest, session: loaded.session) : [:]
        let hooks = phase == .start ? project.onRunStart : project.onRunEnd
        var failed = false
        return hooks.enumerated().map { index, hook in
            let name = "\(project.name).\(phase.rawValue).\(index)"
            let started = Date()
            var result = NodeResult(uniqueID: "operation.\(project.name).\(project.name)-\(phase.rawValue)-\(index)",
                                    status: .skipped, message: "\(name) skipped", startedAt: started, completedAt: started)
            if !failed {
                reporter.hookStarted(name, index: index + 1, total: hooks.count)
                do {
                    try execute(hook, context: context)
                    result.status = .success
                    result.message = "\(name) passed"
                } catch {
                    failed = true
                    result.status = .error
                    result.message = "\(name) failed, error:\n " + ((error as? DBTError)?.description ?? "\(error)")
                }
                result.completedAt = Date()
            }
            reporter.hookFinished(name, result: result, index: index + 1, total: hooks.count)
            return result
        }
    }

    private func execute(_ hook: String, context: [String: Value]) throws {
        // Hooks render on the run's connection: the runtime never opens one of its own.
        let runtime = DatabaseRuntime { throw DBTError(.connection, "on-run hooks use the run's connection") }
        let compiler = Compiler(session: loaded.session, manifest: loaded.manifest, runtime: runtime, flags: flags)
        let commented = CommentedConnection(connection, settings: loaded.session.project.queryComment)
        try commented.setComment(for: nil, compiler: compiler)
        let sql = try compiler.compileInline(hook, on: commented, context: context)
        guard !sql.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
        try commented.execute(sql)
    }
}
