import Foundation

/// Runs selected seeds, models and tests in dbt's order (see `RunPlan`), everything that waits
/// for a failure skipped.
///
/// Only `cancel()` may be called from another thread (a signal handler): it sets a locked flag and
/// asks the connection to interrupt, which database clients allow from any thread.
public final class Runner: @unchecked Sendable {
    let loaded: LoadedProject
    let connection: any DatabaseConnection
    let options: RunOptions
    let reporter: any RunReporter
    let threads: Int
    let connect: @Sendable () throws -> any DatabaseConnection
    private var queue: NodeQueue?
    private let relations = RelationCache()
    private let paths: TargetPaths
    private let stop = StopFlags()

    /// Runs on `connection`; with `threads` above 1, opens more connections with `connect`
    /// and runs independent nodes at once, one per connection.
    public init(loaded: LoadedProject, connection: any DatabaseConnection, threads: Int = 1,
                connect: @escaping @Sendable () throws -> any DatabaseConnection = { throw DBTError(.connection, "no more connections") },
                options: RunOptions, reporter: any RunReporter) {
        self.loaded = loaded
        self.connection = connection
        self.threads = threads
        self.connect = connect
        self.options = options
        self.reporter = reporter
        self.paths = TargetPaths(loaded.session.project)
    }

    /// Stops the run (Ctrl-C): the statement in flight is interrupted and rolled back, the rest skipped.
    public func cancel() {
        stop.cancel()
        queue?.stopAll()
        connection.interrupt()
    }

    /// Whether `cancel()` was called.
    public var wasCancelled: Bool { stop.isCancelled }

    /// Whether a node lost its database connection, which skipped the rest of the run.
    public var lostConnection: Bool { stop.isConnectionLost }

    /// Runs `selected` (unique IDs; other resource types are ignored) and returns every result.
    public func run(_ selected: [String]) throws -> [NodeResult] {
        let manifest = loaded.manifest
        let plan = RunPlan(manifest: manifest, selected: Set(selected), options: options)
        let order = plan.nodes
        let schemas = Set(order.compactMap { $0.relation?.schema })
        for schema in schemas.sorted() {
            do {
                try connection.createSchema(schema)
            } catch var error as DBTError where error.location == nil {
                // A schema the database refuses is reported at the first node that asked for it.
                if let node = order.first(where: { $0.relation?.schema == schema }) {
                    (error.location, error.sourceLine) = node.configLine("schema")
                    error.notes.append("the schema of \(node.resourceType.rawValue) \(node.name)")
                }
                throw error
            }
        }
        let runtime = DatabaseRuntime(relations: relations, connect: connect)
        let compiler = Compiler(session: loaded.session, manifest: manifest, empty: options.empty,
                                runtime: runtime, flags: InvocationFlags(options, selected: selected)) { [relations, options] node in
            Materializer.isIncremental(node, relations: relations, fullRefresh: options.fullRefresh)
        }
        try relations.load(schemas.sorted(), from: connection)
        let queue = NodeQueue(plan)
        self.queue = queue
        let workers = max(1, min(threads, queue.count))
        var opened = [connection]
        for _ in 1..<max(1, workers) { opened.append(try connect()) }
        let settings = loaded.session.project.queryComment
        let connections = WorkerConnections(opened.map { CommentedConnection($0, settings: settings) })
        let results = ResultList()
        let run: @Sendable (Int) -> Void = { [self] worker in
            let thread = "Thread-\(worker + 1) (worker)"
            WorkerThread.named(thread) {
                work(queue, compiler: compiler, connection: connections.all[worker], thread: thread, results: results)
            }
        }
        if workers == 1 {
            run(0)
        } else {
            ThreadPool.run(workers, run)
        }
        return results.values
    }

    /// One worker, named `thread` in results: takes ready nodes until none are left.
    private func work(_ queue: NodeQueue, compiler: Compiler, connection: CommentedConnection, thread: String, results: ResultList) {
        while let item = queue.next() {
            let node = item.node
            if item.skip || stop.isCancelled || stop.isConnectionLost {
                let now = Date()
                var result = NodeResult(uniqueID: node.uniqueID, status: .skipped, message: "skipped", startedAt: now,
                                        completedAt: now, relationName: relationName(node))
                result.threadName = thread
                reporter.finished(node, result: result, index: item.index, total: queue.count)
                results.append(result)
                queue.finish(item.position, failed: true)
                continue
            }
            // An exposure or saved query does nothing (its reporter prints no START line, as in dbt).
            reporter.started(node, index: item.index, total: queue.count)
            var result = Manifest.noOpTypes.contains(node.resourceType) ? NodeResult.noOp(node.uniqueID)
                : execute(node, compiler: compiler, connection: connection)
            result.threadName = thread
            reporter.finished(node, result: result, index: item.index, total: queue.count)
            results.append(result)
            let failed = result.isFailure || (options.warnError && result.status == .warn)
            queue.finish(item.position, failed: failed, stop: (failed && options.failFast) || stop.isConnectionLost)
        }
    }

    private func relationName(_ node: ProjectNode) -> String? {
        node.relation.map(loaded.session.render)
    }

    /// Compiles and runs one node, turning any failure into an error result.
    private func execute(_ node: ProjectNode, compiler: Compiler, connection: CommentedConnection) -> NodeResult {
        let started = Date()
        var result = NodeResult(uniqueID: node.uniqueID, status: .success, message: "", startedAt: started,
                                completedAt: started, relationName: relationName(node))
        do {
            try connection.setComment(for: node, compiler: compiler)
            switch node.resourceType {
            case .seed:
                result.compiledAt = started
                if let macro = materializationMacro(node) {
                    result.response = try materialize(node, with: macro, sql: "", compiler: compiler, connection: connection).response
                    result.message = result.response?.message ?? Materializer.unreported.message
                    break
                }
                for inTransaction in [false, true] {
                    try Hooks.run(node.config["pre_hook"], inTransaction: inTransaction, node: node, compiler: compiler, connection: connection)
                }
                let loadedRows = try SeedLoader(connection: connection, dialect: loaded.session.dialect, relations: relations,
                                                fullRefresh: options.fullRefresh).load(node)
                let code = options.fullRefresh ? "CREATE" : "INSERT"
                result.message = "\(code) \(loadedRows)"
                result.response = StatementStatus(message: result.message, code: code, rowsAffected: loadedRows)
                for inTransaction in [true, false] {
                    try Hooks.run(node.config["post_hook"], inTransaction: inTransaction, node: node, compiler: compiler, connection: connection)
                }
            case .unitTest:
                let outcome = try UnitTestExecutor(session: loaded.session, manifest: loaded.manifest, connection: connection,
                                                   runtime: compiler.runtime, flags: compiler.flags).run(node)
                try record(outcome.sql, of: node, into: &result)
                (result.status, result.failures, result.message) = outcome.difference.map { (.fail, 1, $0) } ?? (.pass, 0, "")
                if outcome.difference != nil { result.compiledPath = displayed(paths.compiled(node)) }
            case .test:
                let (sql, config) = try compiler.compileTest(node, on: connection)
                try record(sql, of: node, into: &result)
                var judged = node
                judged.config = config
                let outcome: TestExecutor.Result
                if let macro = materializationMacro(judged) {
                    let built = try materialize(judged, with: macro, sql: sql, compiler: compiler, connection: connection)
                    outcome = TestExecutor.judge(judged, row: built.mainRows.first ?? [], response: built.response ?? Materializer.unreported,
                                                 stored: built.relations.first?.name)
                } else {
                    let audit = loaded.session.target.schema + "_dbt_test__audit"
                    outcome = try TestExecutor(connection: connection, dialect: loaded.session.dialect).run(judged, sql: sql, auditSchema: audit)
                }
                result.failures = outcome.failures
                result.response = outcome.response
                result.status = outcome.status
                result.message = outcome.message
                if outcome.status != .pass { result.compiledPath = displayed(paths.compiled(node)) }
                result.storedFailures = outcome.storedFailures.map(loaded.session.dialect.render)
            default:
                let sql = try compile(node, compiler: compiler, connection: connection, into: &result)
                if node.language == .python { throw PythonModelRun.refusal(node, session: loaded.session) }
                let dialect = loaded.session.dialect
                if let macro = materializationMacro(node) {
                    result.response = try materialize(node, with: macro, sql: sql, compiler: compiler, connection: connection).response
                    result.message = result.response?.message ?? Materializer.unreported.message
                    break
                }
                var materializer = Materializer(connection: connection, dialect: dialect, relations: relations,
                                                fullRefresh: options.fullRefresh)
                materializer.strategiesInSwift = loaded.session.swiftMaterializations.contains("incremental")
                let batched = MicrobatchPlan.applies(to: node)
                // Post-hooks, grants and comments commit with the new relation: if one fails, the old relation stays.
                materializer.finishing = { relation, incrementalRun in
                    // A table that was (re)built gets the `indexes` config's indexes, as in dbt-postgres.
                    if node.config.materialized != "view", !incrementalRun {
                        for statement in try compiler.createIndexSQL(node, relation: relation, on: connection) {
                            try connection.execute(statement)
                        }
                    }
                    // A microbatch model's post-hooks run in its last batch only (MicrobatchRun).
                    if !batched {
                        try Hooks.run(node.config["post_hook"], inTransaction: true, node: node, compiler: compiler, connection: connection)
                    }
                    try Grants(node.config["grants"]).apply(to: relation, connection: connection, dialect: dialect,
                                                            revokingStale: incrementalRun)
                    try PersistDocs(node.config["persist_docs"]).apply(node, to: relation, kind: node.config.materialized == "view" ? .view : .table,
                                                                       connection: connection, dialect: dialect)
                }
                materializer.customStrategy = { strategy, target, staged, columns in
                    let wanted = Set(columns)
                    let described = try connection.columns(of: target).filter { wanted.contains($0.name) }
                    return try compiler.incrementalStrategySQL(node, strategy: strategy, target: target, staged: staged,
                                                               columns: described, on: connection)
                }
                if node.config.contractEnforced {
                    materializer.contractedCreate = { kind, relation, sql in
                        try compiler.contractedCreateSQL(node, kind: kind, relation: relation, sql: sql, on: connection)
                    }
                }
                if batched {
                    try MicrobatchRun(materializer: materializer, compiler: compiler, connection: connection, options: options,
                                      reporter: reporter) { [paths] sql, file in
                        for folder in ["compiled", "run"] {
                            let model = (paths.compiled(node, folder: folder) as NSString).deletingPathExtension
                            try TargetPaths.write(sql, to: (model as NSString).appendingPathComponent(file))
                        }
                    }.run(node, into: &result)
                } else {
                    for inTransaction in [false, true] {
                        try Hooks.run(node.config["pre_hook"], inTransaction: inTransaction, node: node, compiler: compiler, connection: connection)
                    }
                    let status = try materializer.build(node, sql: sql)
                    result.message = status.message
                    result.response = status
                    try Hooks.run(node.config["post_hook"], inTransaction: false, node: node, compiler: compiler, connection: connection)
                }
            }
        } catch {
            if (error as? DBTError)?.kind == .connectionLost { stop.loseConnection() }
            result.status = .error
            let ran = result.compiledCode != nil ? displayed(paths.compiled(node, folder: "run")) : nil
            result.message = FailureMessage.text(error, node: node, runPath: ran)
            result.compiledPath = node.resourceType == .seed ? nil : displayed(paths.compiled(node))
        }
        result.completedAt = Date()
        return result
    }

    /// The materialization macro that builds `node`, unless it is built in Swift: the built-in materializations
    /// (`.builtin`), and a built-in macro whose fast path applies (`BuiltinMaterializations`).
    private func materializationMacro(_ node: ProjectNode) -> MacroEntry? {
        let session = loaded.session
        guard case .macro(let macro)? = session.macros.materialization(
            node.config.materialized, adapterBuiltins: session.dialect.adapterMaterializations,
            allowPackageOverrides: session.project.allowsPackageMaterializationOverrides),
            !session.buildsInSwift(node, choosing: macro) else { return nil }
        return macro
    }

    /// Builds `node` with a materialization macro, as dbt runs one: its statements run in a transaction that
    /// only its `adapter.commit()` commits (a new one opens after), and what it leaves uncommitted, or a failure,
    /// is rolled back, so the previous relation stays. Hooks outside the transaction run after a commit. The
    /// relations the macro returns are recorded in the run's cache. Returns what it built and its `main` statement's response.
    private func materialize(_ node: ProjectNode, with macro: MacroEntry, sql: String, compiler: Compiler,
                             connection: any DatabaseConnection) throws -> MaterializationOutcome {
        if let relation = node.relation {
            try loaded.session.dialect.checkNameLengths(relation)
            if let schema = relation.schema { try relations.load([schema], from: connection) }
        }
        let commit = {
            try connection.commit()
            try connection.begin()
        }
        try connection.begin()
        let outcome: MaterializationOutcome
        do {
            outcome = try compiler.materialize(node, with: macro, sql: sql, on: connection, commit: commit) { hooks, inside in
                if !inside { try commit() }
                try Hooks.run(hooks, inTransaction: inside, node: node, compiler: compiler, connection: connection)
                if !inside { try commit() }
            }
        } catch {
            try? connection.rollback()
            throw error
        }
        try connection.rollback()
        for built in outcome.relations where built.kind != nil { relations.set(built.name, built.kind) }
        return outcome
    }

    /// Compiles `node` and writes its SQL to `target/compiled` and `target/run` before it runs.
    private func compile(_ node: ProjectNode, compiler: Compiler, connection: any DatabaseConnection,
                         into result: inout NodeResult) throws -> String {
        let sql = try compiler.compile(node, on: connection)
        try record(sql, of: node, into: &result)
        return sql
    }

    /// Keeps a node's compiled SQL in its result and under target/compiled and target/run.
    private func record(_ sql: String, of node: ProjectNode, into result: inout NodeResult) throws {
        result.compiledCode = sql
        result.compiledAt = Date()
        for folder in ["compiled", "run"] {
            try TargetPaths.write(sql, to: paths.compiled(node, folder: folder))
        }
    }

    /// A target path as dbt prints it: relative to the project (`target/compiled/...`).
    private func displayed(_ path: String) -> String {
        let prefix = loaded.session.project.root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// One connection per worker: each is used by exactly one thread, so handing them over is safe.
    private final class WorkerConnections: @unchecked Sendable {
        let all: [CommentedConnection]
        init(_ all: [CommentedConnection]) { self.all = all }
    }

    /// Results appended by several workers.
    private final class ResultList: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [NodeResult] = []
        func append(_ result: NodeResult) { lock.withLock { items.append(result) } }
        var values: [NodeResult] { lock.withLock { items } }
    }

    /// Why the run stops early: Ctrl-C (set from a signal handler's thread) or a lost connection (set by a worker).
    private final class StopFlags: @unchecked Sendable {
        private let lock = NSLock()
        private var cancelled = false
        private var connectionLost = false
        func cancel() { lock.withLock { cancelled = true } }
        func loseConnection() { lock.withLock { connectionLost = true } }
        var isCancelled: Bool { lock.withLock { cancelled } }
        var isConnectionLost: Bool { lock.withLock { connectionLost } }
    }
}
