import Foundation
import Jinja

/// Turns parsed nodes into SQL: renders each template with the compile context, calls the
/// test macro of generic tests, and injects ephemeral models as CTEs.
public final class Compiler: Sendable {
    public let session: CompileSession
    public let manifest: Manifest
    let resolver: ReferenceResolver
    private let ephemerals = EphemeralCache()
    /// Decides `is_incremental()` for a node (an adapter answers once it can see the database).
    let isIncremental: @Sendable (ProjectNode) -> Bool
    /// `--empty`: every `ref()` and `source()` reads zero rows.
    let empty: Bool
    /// The database templates query (`run_query`, `adapter.get_relation`, ...); nil: none can.
    public let runtime: DatabaseRuntime?
    /// `flags` and `selected_resources` as templates see them.
    let flags: InvocationFlags
    /// Context names a unit test's `overrides: macros:` replaces, each returning its value when called.
    let macroOverrides: [String: ConfigValue]

    public convenience init(session: CompileSession, manifest: Manifest, empty: Bool = false, runtime: DatabaseRuntime? = nil,
                            flags: InvocationFlags = InvocationFlags(which: "compile"), macroOverrides: [String: ConfigValue] = [:],
                            isIncremental: @escaping @Sendable (ProjectNode) -> Bool = { _ in false }) {
        self.init(session: session, manifest: manifest, empty: empty, runtime: runtime, flags: flags, macroOverrides: macroOverrides,
                  isIncremental: isIncremental, resolver: nil)
    }

    /// `resolver`: the table `ref()` resolves against, when the caller made it beforehand (`CompileTask.Prepared`).
    init(session: CompileSession, manifest: Manifest, empty: Bool = false, runtime: DatabaseRuntime? = nil,
         flags: InvocationFlags = InvocationFlags(which: "compile"), macroOverrides: [String: ConfigValue] = [:],
         isIncremental: @escaping @Sendable (ProjectNode) -> Bool = { _ in false }, resolver: ReferenceResolver?) {
        self.macroOverrides = macroOverrides
        self.session = session
        self.manifest = manifest
        self.empty = empty
        self.runtime = runtime
        self.flags = flags
        self.isIncremental = isIncremental
        let resolver = resolver ?? Compiler.makeResolver(manifest: manifest, session: session)
        self.resolver = resolver
        if let runtime, !session.listsRelationsInSwift {
            runtime.relations.list(with: RelationListing(session: session, resolver: resolver, flags: flags).relations)
        }
    }

    /// The compiled SQL of `node`, ephemeral CTEs included; templates that ask the database use
    /// `connection`, or the runtime's shared one.
    public func compile(_ node: ProjectNode, on connection: (any DatabaseConnection)? = nil) throws -> String {
        try compile(node, on: connection, context: [:])
    }

    /// `compile`, with values the template sees besides dbt's context (on-run-end's `results`).
    func compile(_ node: ProjectNode, on connection: (any DatabaseConnection)?, context: [String: Value],
                 batch: MicrobatchWindow? = nil) throws -> String {
        let state = renderState(node, on: connection)
        state.batch = batch
        let (sql, ephemeralRefs) = try render(node, state: state, context: context)
        return EphemeralInjection.inject(into: sql, ctes: try ctes(for: ephemeralRefs, on: connection))
    }

    /// Renders a hook (`pre_hook`, `post_hook`) in the context of `node` (and of its microbatch `batch`).
    func renderHook(_ hook: String, for node: ProjectNode, on connection: (any DatabaseConnection)? = nil,
                    batch: MicrobatchWindow? = nil) throws -> String {
        var hookNode = node
        hookNode.test = nil
        do {
            hookNode.template = try session.templates.parse(hook, name: node.definedAt.path)
        } catch let error as TemplateError {
            throw DBTError(template: error, path: node.definedAt.path)
        }
        let state = renderState(hookNode, on: connection)
        state.batch = batch
        return try render(hookNode, state: state).0
    }

    /// Compiles an ad-hoc query (`compile --inline`, `show --inline`, `on-run-start`) as a model of the root project;
    /// `context` adds variables (`node` and `connection_name` for a query comment).
    public func compileInline(_ sql: String, on connection: (any DatabaseConnection)? = nil,
                              context: [String: Value] = [:]) throws -> String {
        var node = operationNode("sql_operation", name: "inline_query", code: sql)
        do {
            node.template = try session.templates.parse(sql, name: "<inline>")
        } catch let error as TemplateError {
            throw DBTError(template: error, path: "<inline>")
        }
        return try compile(node, on: connection, context: context)
    }

    /// A node of the root project for something run outside the graph (an inline query, an operation).
    func operationNode(_ kind: String, name: String, code: String) -> ProjectNode {
        ProjectNode(uniqueID: "\(kind).\(session.project.name).\(name)", resourceType: .analysis,
                    name: name, packageName: session.project.name, path: "\(name).sql",
                    originalFilePath: "\(name).sql", packageRoot: session.project.root,
                    fqn: [session.project.name, name], rawCode: code, config: NodeConfig(),
                    definedAt: FileLocation(path: "<inline>", line: 1, column: 1))
    }

    /// The compiled SQL of a test, and its config with what its test macro's `config()` calls set
    /// (`fail_calc`, `warn_if`, `limit`, ...), which decide how the test's rows are judged. As in dbt,
    /// those calls win over `dbt_project.yml` and lose to the test's properties.
    public func compileTest(_ node: ProjectNode, on connection: (any DatabaseConnection)? = nil) throws -> (sql: String, config: NodeConfig) {
        let state = renderState(node, on: connection)
        let (sql, ephemeralRefs) = try render(node, state: state)
        var config = node.config
        let fromProperties = node.test?.propertyConfigKeys ?? []
        config.apply(state.config.filter { !fromProperties.contains(NodeConfig.canonicalKey($0.key)) })
        return (EphemeralInjection.inject(into: sql, ctes: try ctes(for: ephemeralRefs, on: connection)), config)
    }

    private func renderState(_ node: ProjectNode, on connection: (any DatabaseConnection)?) -> RenderState {
        let state = RenderState(session: session, node: node, phase: .compile(resolver), incremental: isIncremental(node),
                                runtime: runtime, connection: connection, flags: flags)
        state.empty = empty
        state.macroOverrides = macroOverrides
        return state
    }

    /// Renders one node; returns its SQL and the ephemeral models it referenced.
    private func render(_ node: ProjectNode, on connection: (any DatabaseConnection)?,
                        context: [String: Value] = [:]) throws -> (String, [String]) {
        try render(node, state: renderState(node, on: connection), context: context)
    }

    private func render(_ node: ProjectNode, state: RenderState, context: [String: Value] = [:]) throws -> (String, [String]) {
        do {
            if let test = node.test {
                let sql = try GenericTestCall.render(node, test, state: state)
                return (sql, state.ephemeralRefs)
            }
            guard let template = node.template else { return (node.rawCode, []) }
            let sql = try session.templates.render(template, context, globals: state.scope(for: node.packageName))
            return (sql, state.ephemeralRefs)
        } catch let error as TemplateError {
            // A snapshot block's body starts at its `{% snapshot %}` line: report the file's line.
            throw ManifestBuilder.snapshotBodyLineShift(node)(error: DBTError(template: error, path: node.definedAt.path))
        }
    }

    /// The CTEs for `ephemeralRefs`, nested ephemerals first, each once.
    private func ctes(for ephemeralRefs: [String], on connection: (any DatabaseConnection)?) throws -> [(name: String, sql: String)] {
        var ordered: [(name: String, sql: String)] = []
        var seen: Set<String> = []
        func visit(_ uniqueID: String) throws {
            guard seen.insert(uniqueID).inserted, let node = manifest.node(uniqueID) else { return }
            let (sql, nested) = try ephemerals.value(uniqueID) { try self.render(node, on: connection) }
            for child in nested { try visit(child) }
            ordered.append((EphemeralInjection.cteName(node.name, session.dialect), sql))
        }
        for id in ephemeralRefs { try visit(id) }
        return ordered
    }

    /// What resolving a `ref()` needs of a model, seed or snapshot.
    private struct RefTarget: Sendable {
        var packageName: String
        var uniqueID: String
        var name: String
        var version: ModelVersion?
        var isEphemeral: Bool
        /// The relation of the first node with this unique ID.
        var relation: RelationName?
    }

    static func makeResolver(manifest: Manifest, session: CompileSession) -> ReferenceResolver {
        // A repeated unique ID refers to its first node's relation. Only nodes `ref` reaches are looked at: their IDs
        // (`model.`, `seed.`, `snapshot.`) are no other node's. Fields are read in place, not from a copy of the node.
        var relationByID: [String: RelationName?] = [:]
        var byName: [String: [RefTarget]] = [:]
        for index in manifest.nodes.indices where [.model, .seed, .snapshot].contains(manifest.nodes[index].resourceType) {
            let uniqueID = manifest.nodes[index].uniqueID
            if relationByID[uniqueID] == nil { relationByID[uniqueID] = .some(manifest.nodes[index].relation) }
            byName[manifest.nodes[index].name, default: []].append(RefTarget(
                packageName: manifest.nodes[index].packageName, uniqueID: uniqueID, name: manifest.nodes[index].name,
                version: manifest.nodes[index].version, isEphemeral: manifest.nodes[index].config.materialized == "ephemeral",
                relation: relationByID[uniqueID] ?? nil))
        }
        let sources = Dictionary(manifest.sources.map { ("\($0.sourceName).\($0.name)", $0) }, uniquingKeysWith: { a, _ in a })
        let rootPackage = manifest.projectName
        let graph: @Sendable () -> ConfigValue = {
            .dict([
                ("nodes", .dict(manifest.nodes.map { ($0.uniqueID, NodeValues.describe($0, session: session)) })),
                ("sources", .dict(manifest.sources.map { ($0.uniqueID, NodeValues.describe($0, session: session)) })),
                ("exposures", .dict(manifest.exposures.map { ($0.uniqueID, ResourceJSON.describe($0, session: session)) })),
                ("groups", .dict(manifest.groups.map { ($0.uniqueID, ResourceJSON.describe($0)) })),
                ("metrics", .dict(manifest.metrics.map { ($0.uniqueID, ResourceJSON.describe($0, session: session)) })),
                ("semantic_models", .dict(manifest.semanticModels.map { ($0.uniqueID, ResourceJSON.describe($0, session: session)) })),
                ("saved_queries", .dict(manifest.savedQueries.map { ($0.uniqueID, ResourceJSON.describe($0, session: session)) })),
            ])
        }
        let frozenByName = byName
        var eventTimes: [RelationName: String] = [:]
        for index in manifest.nodes.indices where [.model, .seed, .snapshot].contains(manifest.nodes[index].resourceType) {
            if let relation = manifest.nodes[index].relation, let column = manifest.nodes[index].config["event_time"]?.stringValue {
                eventTimes[relation] = column
            }
        }
        for source in manifest.sources {
            if let column = source.config["event_time"]?.stringValue { eventTimes[source.relation] = column }
        }
        return ReferenceResolver(
            resolveRef: { reference, package in
                let all = frozenByName[reference.name] ?? []
                func matches(_ target: RefTarget) -> Bool {
                    (reference.package == nil || target.packageName == reference.package)
                        && ModelVersion.resolves(reference.version, to: target.version)
                }
                guard let node = all.first(where: { matches($0) && $0.packageName == package })
                    ?? all.first(where: { matches($0) && $0.packageName == rootPackage }) ?? all.first(where: matches) else {
                    throw TemplateError(.raised, "'\(reference.name)' is not a model, seed or snapshot of this project")
                }
                if node.isEphemeral { return .ephemeral(uniqueID: node.uniqueID, name: node.name) }
                guard let relation = node.relation else {
                    throw TemplateError(.raised, "'\(reference.name)' has no relation")
                }
                return .relation(relation)
            },
            resolveSource: { reference in
                guard let source = sources["\(reference.source).\(reference.table)"] else {
                    throw TemplateError(.raised, "source '\(reference.source).\(reference.table)' was not found")
                }
                return source
            },
            eventTimes: eventTimes, graph: graph)
    }
}

/// Compiled ephemeral models, shared by the threads compiling their consumers.
private final class EphemeralCache: @unchecked Sendable {
    private let lock = NSLock()
    private var compiled: [String: (String, [String])] = [:]

    func value(_ key: String, _ make: () throws -> (String, [String])) throws -> (String, [String]) {
        if let found = lock.withLock({ compiled[key] }) { return found }
        let made = try make()
        lock.withLock { compiled[key] = made }
        return made
    }
}
