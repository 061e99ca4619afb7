import Foundation
import Jinja

/// One render of one node: what the template sees of the node, and what it records.
///
/// Parsing and compiling differ only in `phase`: at parse time `ref()` records an edge and
/// `config()` records settings; at compile time `ref()` returns the referenced relation.
final class RenderState {
    enum Phase {
        /// Parse: record refs, sources and config; `execute` is false.
        case parse
        /// Compile: resolve references against the manifest; `execute` is true.
        case compile(ReferenceResolver)
    }

    let session: CompileSession
    let node: ProjectNode
    let phase: Phase
    /// Whether `is_incremental()` is true for this render (an existing table, no full refresh).
    let incremental: Bool
    /// `--empty`: references read zero rows.
    var empty = false
    /// A unit test's `overrides: macros:`: names (`name`, or `package.name`) that return their value when called.
    var macroOverrides: [String: ConfigValue] = [:]
    /// The batch of a microbatch model being built: upstream relations with an `event_time` read its window only.
    var batch: MicrobatchWindow?
    var refs: [ProjectNode.Reference] = []
    var sources: [ProjectNode.SourceReference] = []
    var config: [(key: String, value: ConfigValue)] = []
    /// Ephemeral models this render referenced (unique IDs), in order, for CTE injection.
    var ephemeralRefs: [String] = []
    /// The vars whose templates are being rendered (`var()` inside a var), to stop a var that reads itself.
    var varsRendering: Set<String> = []
    /// Scopes by macro package, shared by every macro of that package during this render.
    var scopes: [String: RenderScope] = [:]
    /// The database, when compiling with one (nil while parsing: templates never reach it then).
    let runtime: DatabaseRuntime?
    /// The connection this render runs on (a run's worker's), or nil for the runtime's shared one.
    let connection: (any DatabaseConnection)?
    /// What `store_result()` stored, by name, for `load_result()`.
    var results: [String: Value] = [:]
    /// `flags` and `selected_resources`.
    let flags: InvocationFlags
    /// Names a materialization macro sees besides the node's context (`sql`, `pre_hooks`, `run_hooks`, ...).
    var materializationContext: [String: Value] = [:]
    /// What `adapter.commit()` does inside a materialization: commits the node's transaction and opens
    /// the next (nil elsewhere: the runtime's shared transaction, if any, is committed).
    var materializationCommit: (() throws -> Void)?
    /// The last database error a call from a template met: a materialization that fails with it reports it as
    /// the database said it (and a lost connection stops the run), not as a template error.
    var databaseError: DBTError?

    init(session: CompileSession, node: ProjectNode, phase: Phase, incremental: Bool = false,
         runtime: DatabaseRuntime? = nil, connection: (any DatabaseConnection)? = nil,
         flags: InvocationFlags = InvocationFlags(which: "compile")) {
        self.session = session
        self.node = node
        self.phase = phase
        self.incremental = incremental
        self.runtime = runtime
        self.connection = connection
        self.flags = flags
    }

    /// Runs `body` on this render's database connection; fails where templates cannot reach one.
    func withDatabase<T>(beginning: Bool = false, _ body: (any DatabaseConnection) throws -> T) throws -> T {
        guard isExecuting, let runtime else {
            throw TemplateError(.raised, "no database connection here: database calls run only when compiling or running")
        }
        do {
            return try runtime.use(connection, beginning: beginning, body)
        } catch let error as DBTError {
            databaseError = error
            throw TemplateError(.raised, error.message)
        }
    }

    var isExecuting: Bool {
        if case .compile = phase { return true }
        return false
    }

    /// The resolver for names seen from macros of `package`.
    func scope(for package: String) -> RenderScope {
        if let scope = scopes[package] { return scope }
        let scope = RenderScope(state: self, package: package)
        scopes[package] = scope
        return scope
    }

    /// The node's relation as `this`.
    var this: Value {
        if node.config.materialized == "ephemeral" {
            return .object(RelationObject(RelationName(database: nil, schema: nil, identifier: node.name),
                                          dialect: session.dialect, cteName: EphemeralInjection.cteName(node.name, session.dialect),
                                          texts: session.relationTexts))
        }
        guard let relation = node.relation else { return .none }
        return .object(RelationObject(relation, dialect: session.dialect, quotes: session.quoting,
                                      texts: session.relationTexts))
    }
}

/// Resolves `ref()` and `source()` at compile time, from the parsed manifest.
struct ReferenceResolver: Sendable {
    /// A resolved reference: the relation to print, or the CTE name of an ephemeral model.
    enum Resolution {
        case relation(RelationName)
        case ephemeral(uniqueID: String, name: String)
    }

    let resolveRef: @Sendable (ProjectNode.Reference, _ fromPackage: String) throws -> Resolution
    let resolveSource: @Sendable (ProjectNode.SourceReference) throws -> SourceTable
    /// Builds the `graph` context variable, the first time a template reads it.
    let graphBuilder: LazyValue<ConfigValue>
    /// The `event_time` column of each model, seed, snapshot and source that has one, by relation.
    let eventTimes: [RelationName: String]

    init(resolveRef: @escaping @Sendable (ProjectNode.Reference, _ fromPackage: String) throws -> Resolution,
         resolveSource: @escaping @Sendable (ProjectNode.SourceReference) throws -> SourceTable,
         eventTimes: [RelationName: String] = [:],
         graph: @escaping @Sendable () -> ConfigValue) {
        self.resolveRef = resolveRef
        self.resolveSource = resolveSource
        self.eventTimes = eventTimes
        graphBuilder = LazyValue(graph)
    }

    /// The `graph` context variable: nodes, sources, exposures and groups as dbt's manifest describes them.
    var graph: ConfigValue { graphBuilder.value }
}

/// A value made on first use, once, whichever thread asks first.
final class LazyValue<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: T?
    private let make: @Sendable () -> T

    init(_ make: @escaping @Sendable () -> T) { self.make = make }

    var value: T {
        lock.withLock {
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}
