import Foundation

/// What `source freshness` prints as it goes: a table's check starts, and ends with its result.
public protocol FreshnessReporter: Sendable {
    func started(_ source: SourceTable, index: Int, total: Int)
    func finished(_ source: SourceTable, result: FreshnessResult, index: Int, total: Int)
}

/// `source freshness`: reads how fresh each selected source table is, `threads` tables at a time (one connection
/// each), and judges it by its criteria. A table without criteria is not checked, as in dbt; a check that fails
/// (the query, or what it returned) is a `runtime error` result, and the others still run.
public struct FreshnessRunner: Sendable {
    let loaded: LoadedProject
    let threads: Int
    let connect: @Sendable () throws -> any DatabaseConnection
    let reporter: any FreshnessReporter

    public init(loaded: LoadedProject, threads: Int, connect: @escaping @Sendable () throws -> any DatabaseConnection,
                reporter: any FreshnessReporter) {
        self.loaded = loaded
        self.threads = threads
        self.connect = connect
        self.reporter = reporter
    }

    /// The selected source tables that have freshness criteria, in unique-ID order (dbt's order for nodes
    /// that depend on nothing).
    public static func checked(_ selected: [String], in manifest: Manifest) -> [SourceTable] {
        let ids = Set(selected)
        return manifest.sources.filter { ids.contains($0.uniqueID) && $0.freshnessCriteria != nil }.sorted { $0.uniqueID < $1.uniqueID }
    }

    /// Checks those of `sources` that have criteria; the first worker uses `connection`, the others open their own.
    /// Results are in the order the checks finished (as dbt lists them: with one thread, `sources`' order).
    public func run(_ sources: [SourceTable], on connection: any DatabaseConnection) throws -> [FreshnessResult] {
        let checks = sources.compactMap { source in source.freshnessCriteria.map { (source, $0) } }
        let workers = max(1, min(threads, checks.count))
        var connections = [connection]
        for _ in 1..<workers { connections.append(try connect()) }
        let compiler = Compiler(session: loaded.session, manifest: loaded.manifest, runtime: DatabaseRuntime(connect: connect),
                                flags: InvocationFlags(which: "source"))
        let queue = FreshnessQueue(count: checks.count, connections: connections)
        let work: @Sendable (Int) -> Void = { worker in
            let thread = "Thread-\(worker + 1) (worker)"
            WorkerThread.named(thread) {
                while let position = queue.next() {
                    let (source, criteria) = checks[position]
                    reporter.started(source, index: position + 1, total: checks.count)
                    let result = check(source, criteria: criteria, compiler: compiler, connection: queue.connections[worker], thread: thread)
                    reporter.finished(source, result: result, index: position + 1, total: checks.count)
                    queue.store(result)
                }
            }
        }
        if workers == 1 { work(0) } else { ThreadPool.run(workers, work) }
        return queue.results
    }

    /// One table's check; a failure becomes a runtime error result.
    private func check(_ source: SourceTable, criteria: FreshnessCriteria, compiler: Compiler, connection: any DatabaseConnection,
                       thread: String) -> FreshnessResult {
        let started = Date()
        var result = FreshnessResult(uniqueID: source.uniqueID, status: .runtimeError, criteria: criteria, startedAt: started,
                                     compiledAt: started, completedAt: started, threadName: thread)
        do {
            let row = try compiler.collectFreshness(source, criteria: criteria, on: connection)
            result.maxLoadedAt = row.maxLoadedAt
            result.snapshottedAt = row.snapshottedAt
            result.response = row.response
            result.status = criteria.status(age: result.age ?? 0)
        } catch {
            result.message = FailureMessage.text(error, subject: "source \(source.name) (\(source.originalFilePath))", runPath: nil)
        }
        result.completedAt = Date()
        return result
    }
}

/// What the workers share: the next table to check, the results as they finish, and each worker's connection (used
/// by that worker alone).
private final class FreshnessQueue: @unchecked Sendable {
    let connections: [any DatabaseConnection]
    private let lock = NSLock()
    private var position = 0
    private let count: Int
    private var finished: [FreshnessResult] = []

    init(count: Int, connections: [any DatabaseConnection]) {
        self.count = count
        self.connections = connections
    }

    func next() -> Int? {
        lock.withLock {
            guard position < count else { return nil }
            defer { position += 1 }
            return position
        }
    }

    func store(_ result: FreshnessResult) {
        lock.withLock { finished.append(result) }
    }

    var results: [FreshnessResult] { lock.withLock { finished } }
}
