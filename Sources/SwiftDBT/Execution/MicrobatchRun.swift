import Foundation

/// Builds a `microbatch` incremental model batch by batch, as dbt does: each batch is the model compiled for
/// its window (upstream relations with an `event_time` read that window only) and built in its own
/// transaction. When the first batch fails the others are not run; otherwise a failed batch leaves the
/// others in place and the model ends in `partial success`, its failed batches recorded for `retry`.
struct MicrobatchRun {
    let materializer: Materializer
    let compiler: Compiler
    let connection: any DatabaseConnection
    let options: RunOptions
    let reporter: any RunReporter
    /// Keeps a batch's compiled SQL (under `target/compiled` and `target/run`, as dbt: `<model>/<model>_<batch>.sql`).
    let record: (_ sql: String, _ file: String) throws -> Void

    /// Runs the batches of `node` and records them (status, message, `batch_results`) in `result`. Throws the
    /// first batch's error when no batch built, so the model fails as any other.
    func run(_ node: ProjectNode, into result: inout NodeResult) throws {
        if let schema = node.relation?.schema { try materializer.relations.load([schema], from: connection) }
        let incremental = Materializer.isIncremental(node, relations: materializer.relations, fullRefresh: options.fullRefresh)
        let plan = try MicrobatchPlan(node, incremental: incremental, eventTimeStart: options.eventTimeStart,
                                      eventTimeEnd: options.eventTimeEnd, now: compiler.session.runStartedAt)
        let retried = options.retriedBatches[node.uniqueID]
        let windows = retried.map { $0.failed.map { MicrobatchWindow(start: $0.start, end: $0.end, size: plan.size) } } ?? plan.windows
        var batches = BatchResults()
        var firstError: Error?
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
                try materializer.buildBatch(node, sql: sql, window: window, plan: plan, first: offset == 0)
                batches.successful.append(interval)
                reporter.batchFinished(node, label: label, batch: offset + 1, total: windows.count,
                                       elapsed: Date().timeIntervalSince(started), outcome: .built("OK"))
            } catch {
                if (error as? DBTError)?.kind == .connectionLost { throw error }
                firstError = firstError ?? error
                batches.failed.append(interval)
                reporter.batchFinished(node, label: label, batch: offset + 1, total: windows.count,
                                       elapsed: Date().timeIntervalSince(started),
                                       outcome: .failed(FailureMessage.text(error, node: node, runPath: nil)))
            }
        }
        // A retry's record keeps the batches that built the first time, after the retried ones (as dbt's).
        batches.successful += retried?.successful ?? []
        result.batchResults = batches
        if let firstError, batches.successful.isEmpty { throw firstError }
        if batches.failed.isEmpty {
            result.message = "SUCCESS"
        } else {
            result.status = .partialSuccess
            let total = batches.successful.count + batches.failed.count
            result.message = "PARTIAL SUCCESS (\(batches.successful.count)/\(total))"
        }
    }
}
