import Foundation

/// Builds a `microbatch` incremental model batch by batch, as dbt does: each batch is the model compiled for
/// its window (upstream relations with an `event_time` read that window only) and built in its own
/// transaction. When the first batch fails the others are not run; otherwise a failed batch leaves the
/// others in place and the model ends in `partial success`, its failed batches recorded for `retry`.
/// As in dbt, the pre-hooks run in the first batch only and the post-hooks in the last one (each in its batch's
/// transaction unless `transaction: false`, rendered with `model.batch`); so a failed first batch rolls its
/// pre-hooks back and a failed last batch runs no post-hook. Batches run one after another: neither PostgreSQL
/// nor SQLite runs them concurrently in dbt (`concurrent_batches` only earns a warning, `ModelConfigCheck`).
struct MicrobatchRun {
    let materializer: Materializer
    let compiler: Compiler
    let connection: any DatabaseConnection
    let options: RunOptions
    let reporter: any RunReporter
    /// Keeps a batch's compiled SQL (under `target/compiled` and `target/run`, as dbt: `<model>/<model>_<batch>.sql`).
    let record: (_ sql: String, _ file: String) throws -> Void

    /// Runs the batches of `node` and records them (status, message, `batch_results`) in `result`. When no batch
    /// built the model is an error whose message is dbt's `ERROR` (each batch's error is on its own line).
    func run(_ node: ProjectNode, into result: inout NodeResult) throws {
        if let schema = node.relation?.schema { try materializer.relations.load([schema], from: connection) }
        let incremental = Materializer.isIncremental(node, relations: materializer.relations, fullRefresh: options.fullRefresh)
        let plan = try MicrobatchPlan(node, incremental: incremental, eventTimeStart: options.eventTimeStart,
                                      eventTimeEnd: options.eventTimeEnd, now: compiler.session.runStartedAt)
        let retried = options.retriedBatches[node.uniqueID]
        let windows = retried.map { $0.failed.map { MicrobatchWindow(start: $0.start, end: $0.end, size: plan.size) } } ?? plan.windows
        var batches = BatchResults()
        for (offset, window) in windows.enumerated() {
            let interval = DateInterval(start: window.start, end: window.end)
            let label = window.size.label(window.start)
            if offset > 0 && batches.successful.isEmpty {
                batches.failed.append(interval)
                reporter.batchFinished(node, label: label, batch: offset + 1, total: windows.count, elapsed: 0, outcome: .skipped)
                continue
            }
            reporter.batchStarted(node, window: interval, label: label, batch: offset + 1, total: windows.count)
            let started = Date()
            do {
                let sql = try compiler.compile(node, on: connection, context: [:], batch: window)
                try record(sql, "\(node.name)_\(label).sql")
                try hooked(node, window, first: offset == 0, last: offset == windows.count - 1) { batch in
                    try batch.buildBatch(node, sql: sql, window: window, plan: plan, first: offset == 0)
                }
                batches.successful.append(interval)
                reporter.batchFinished(node, label: label, batch: offset + 1, total: windows.count,
                                       elapsed: Date().timeIntervalSince(started), outcome: .built("OK"))
            } catch {
                if (error as? DBTError)?.kind == .connectionLost { throw error }
                batches.failed.append(interval)
                reporter.batchFinished(node, label: label, batch: offset + 1, total: windows.count,
                                       elapsed: Date().timeIntervalSince(started),
                                       outcome: .failed(FailureMessage.text(error, node: node, runPath: nil)))
            }
        }
        // A retry's record keeps the batches that built the first time, after the retried ones (as dbt's).
        batches.successful += retried?.successful ?? []
        result.batchResults = batches
        if batches.successful.isEmpty && !batches.failed.isEmpty {
            result.status = .error
            result.message = "ERROR"
        } else if batches.failed.isEmpty {
            result.message = "SUCCESS"
        } else {
            result.status = .partialSuccess
            let total = batches.successful.count + batches.failed.count
            result.message = "PARTIAL SUCCESS (\(batches.successful.count)/\(total))"
        }
    }

    /// Builds a batch with `build`, running the model's pre-hooks around it when it is the `first` batch and its
    /// post-hooks when it is the `last`.
    private func hooked(_ node: ProjectNode, _ window: MicrobatchWindow, first: Bool, last: Bool,
                        build: (Materializer) throws -> Void) throws {
        let hooks = { (key: String, inTransaction: Bool) throws in
            try Hooks.run(node.config[key], inTransaction: inTransaction, node: node, compiler: compiler,
                          connection: connection, batch: window)
        }
        var batch = materializer
        if first {
            try hooks("pre_hook", false)
            batch.starting = { try hooks("pre_hook", true) }
        }
        if last {
            let finishing = materializer.finishing
            batch.finishing = { relation, incrementalRun in
                try finishing(relation, incrementalRun)
                try hooks("post_hook", true)
            }
        }
        try build(batch)
        if last { try hooks("post_hook", false) }
    }
}
