import Foundation

/// Runs selected seeds, models and tests in dependency order on one connection: each test
/// right after the nodes it tests, everything downstream of a failure skipped.
///
/// Only `cancel()` may be called from another thread (a signal handler): it sets a locked flag and
/// asks the connection to interrupt, which database clients allow from any thread.
public final class Runner: @unchecked Sendable {
    let loaded: LoadedProject
    let connection: any DatabaseConnection
    let options: RunOptions
    let reporter: any RunReporter
    private let relations = RelationCache()
    private let paths: TargetPaths
    private let cancellation = Cancellation()

    public init(loaded: LoadedProject, connection: any DatabaseConnection, options: RunOptions, reporter: any RunReporter) {
        self.loaded = loaded
        self.connection = connection
        self.options = options
        self.reporter = reporter
        self.paths = TargetPaths(loaded.session.project)
    }

    /// Stops the run (Ctrl-C): the statement in flight is interrupted and rolled back, the rest skipped.
    public func cancel() {
        cancellation.cancel()
        connection.interrupt()
    }

    /// Whether `cancel()` was called.
    public var wasCancelled: Bool { cancellation.isCancelled }

    /// Runs `selected` (unique IDs; other resource types are ignored) and returns every result.
    public func run(_ selected: [String]) throws -> [NodeResult] {
        let manifest = loaded.manifest
        let graph = ProjectGraph(nodes: manifest.graphNodes)
        let chosen = Set(selected)
        let order = try graph.topologicalOrder().map { graph.nodes[$0].uniqueID }.filter(chosen.contains)
            .compactMap(manifest.node).filter { options.resourceTypes.contains($0.resourceType) }
            .filter { $0.config.materialized != "ephemeral" }
        let schemas = Set(order.compactMap { $0.relation?.schema })
        for schema in schemas.sorted() { try connection.createSchema(schema) }
        try relations.load(schemas.sorted(), from: connection)
        let compiler = Compiler(session: loaded.session, manifest: manifest, empty: options.empty) { [relations, options] node in
            Materializer.isIncremental(node, relations: relations, fullRefresh: options.fullRefresh)
        }
        let sequence = Runner.sequence(order)
        var results: [NodeResult] = []
        var blocked: Set<String> = []
        var stop = false
        for (position, node) in sequence.enumerated() {
            let index = position + 1
            if stop || cancellation.isCancelled || node.dependsOn.contains(where: blocked.contains) {
                blocked.insert(node.uniqueID)
                let now = Date()
                let result = NodeResult(uniqueID: node.uniqueID, status: .skipped, message: "skipped", startedAt: now,
                                        completedAt: now, relationName: relationName(node))
                reporter.finished(node, result: result, index: index, total: sequence.count)
                results.append(result)
                continue
            }
            reporter.started(node, index: index, total: sequence.count)
            let result = execute(node, compiler: compiler)
            reporter.finished(node, result: result, index: index, total: sequence.count)
            results.append(result)
            if result.isFailure || (options.warnError && result.status == .warn) {
                blocked.insert(node.uniqueID)
                if node.resourceType == .test, options.command == .build { blocked.formUnion(node.dependsOn) }
                if options.failFast { stop = true }
            }
        }
        return results
    }

    /// Non-tests in dependency order, each followed by the tests whose parents have all run.
    static func sequence(_ order: [ProjectNode]) -> [ProjectNode] {
        let tests = order.filter { $0.resourceType == .test }
        let others = order.filter { $0.resourceType != .test }
        let scheduled = Set(others.map(\.uniqueID))
        var done: Set<String> = []
        var pending = tests
        var result: [ProjectNode] = []
        func releaseTests() {
            let (ready, waiting) = pending.reduce(into: ([ProjectNode](), [ProjectNode]())) { split, test in
                if test.dependsOn.allSatisfy({ done.contains($0) || !scheduled.contains($0) }) {
                    split.0.append(test)
                } else {
                    split.1.append(test)
                }
            }
            result += ready
            pending = waiting
        }
        releaseTests()
        for node in others {
            result.append(node)
            done.insert(node.uniqueID)
            releaseTests()
        }
        return result + pending
    }

    private func relationName(_ node: ProjectNode) -> String? {
        node.relation.map(loaded.session.dialect.render)
    }

    /// Compiles and runs one node, turning any failure into an error result.
    private func execute(_ node: ProjectNode, compiler: Compiler) -> NodeResult {
        let started = Date()
        var result = NodeResult(uniqueID: node.uniqueID, status: .success, message: "", startedAt: started,
                                completedAt: started, relationName: relationName(node))
        do {
            switch node.resourceType {
            case .seed:
                let loadedRows = try SeedLoader(connection: connection, dialect: loaded.session.dialect, relations: relations,
                                            fullRefresh: options.fullRefresh)
                    .load(node, root: node.packageRoot)
                result.message = "INSERT \(loadedRows)"
            case .test:
                let sql = try compiler.compile(node)
                result.compiledCode = sql
                try write(sql, node, folder: "compiled")
                try write(sql, node, folder: "run")
                let audit = loaded.session.target.schema + "_dbt_test__audit"
                let outcome = try TestExecutor(connection: connection, dialect: loaded.session.dialect).run(node, sql: sql, auditSchema: audit)
                result.failures = outcome.failures
                switch outcome.verdict {
                case .pass: result.status = .pass
                case .warn: result.status = .warn
                case .fail: result.status = .fail
                }
                result.message = outcome.verdict == .pass ? "PASS" : "Got \(outcome.failures) result\(outcome.failures == 1 ? "" : "s"), configured to \(outcome.verdict == .fail ? "fail" : "warn") if \(node.config["warn_if"]?.stringValue ?? "!= 0")"
            default:
                let sql = try compiler.compile(node)
                result.compiledCode = sql
                try write(sql, node, folder: "compiled")
                let materializer = Materializer(connection: connection, dialect: loaded.session.dialect,
                                                relations: relations, fullRefresh: options.fullRefresh)
                try Hooks.run(node.config["pre_hook"], node: node, compiler: compiler, connection: connection)
                let outcome = try materializer.build(node, sql: sql)
                try Hooks.run(node.config["post_hook"], node: node, compiler: compiler, connection: connection)
                try write(sql, node, folder: "run")
                result.message = outcome.message
            }
        } catch {
            result.status = .error
            result.message = Runner.describe(error)
            result.compiledPath = node.resourceType == .seed ? nil : paths.compiled(node, folder: "run")
        }
        result.completedAt = Date()
        return result
    }

    private func write(_ sql: String, _ node: ProjectNode, folder: String) throws {
        try TargetPaths.write(sql, to: paths.compiled(node, folder: folder))
    }

    /// A flag set from a signal handler's thread and read by the run's.
    private final class Cancellation: @unchecked Sendable {
        private let lock = NSLock()
        private var cancelled = false
        func cancel() { lock.withLock { cancelled = true } }
        var isCancelled: Bool { lock.withLock { cancelled } }
    }

    static func describe(_ error: Error) -> String {
        if let error = error as? DBTError { return error.description }
        if let errors = error as? DBTErrors { return errors.description }
        return String(describing: error)
    }
}
