import Foundation
import Jinja

/// Turns parsed nodes into SQL: renders each template with the compile context, calls the
/// test macro of generic tests, and injects ephemeral models as CTEs.
public final class Compiler: Sendable {
    public let session: CompileSession
    public let manifest: Manifest
    private let resolver: ReferenceResolver
    private let ephemerals = EphemeralCache()
    /// Decides `is_incremental()` for a node (an adapter answers once it can see the database).
    private let isIncremental: @Sendable (ProjectNode) -> Bool
    /// `--empty`: every `ref()` and `source()` reads zero rows.
    private let empty: Bool

    public init(session: CompileSession, manifest: Manifest, empty: Bool = false,
                isIncremental: @escaping @Sendable (ProjectNode) -> Bool = { _ in false }) {
        self.session = session
        self.manifest = manifest
        self.empty = empty
        self.isIncremental = isIncremental
        self.resolver = Compiler.makeResolver(manifest: manifest, session: session)
    }

    /// The compiled SQL of `node`, ephemeral CTEs included.
    public func compile(_ node: ProjectNode) throws -> String {
        let (sql, ephemeralRefs) = try render(node)
        return EphemeralInjection.inject(into: sql, ctes: try ctes(for: ephemeralRefs))
    }

    /// Renders a hook (`pre_hook`, `post_hook`) in the context of `node`.
    public func renderHook(_ hook: String, for node: ProjectNode) throws -> String {
        var hookNode = node
        hookNode.test = nil
        do {
            hookNode.template = try session.templates.parse(hook, name: node.definedAt.path)
        } catch let error as TemplateError {
            throw DBTError(template: error, path: node.definedAt.path)
        }
        return try render(hookNode).0
    }

    /// Compiles an ad-hoc query (`compile --inline`, `show --inline`, `on-run-start`) as a model of the root project.
    public func compileInline(_ sql: String) throws -> String {
        var node = ProjectNode(uniqueID: "sql_operation.\(session.project.name).inline_query", resourceType: .analysis,
                               name: "inline_query", packageName: session.project.name, path: "inline_query.sql",
                               originalFilePath: "inline_query.sql", packageRoot: session.project.root,
                               fqn: [session.project.name, "inline_query"], rawCode: sql, config: NodeConfig(),
                               definedAt: FileLocation(path: "<inline>", line: 1, column: 1))
        do {
            node.template = try session.templates.parse(sql, name: "<inline>")
        } catch let error as TemplateError {
            throw DBTError(template: error, path: "<inline>")
        }
        return try compile(node)
    }

    /// Renders one node; returns its SQL and the ephemeral models it referenced.
    private func render(_ node: ProjectNode) throws -> (String, [String]) {
        let state = RenderState(session: session, node: node, phase: .compile(resolver), incremental: isIncremental(node))
        state.empty = empty
        do {
            if let test = node.test {
                let sql = try GenericTestCall.render(node, test, state: state)
                return (sql, state.ephemeralRefs)
            }
            guard let template = node.template else { return (node.rawCode, []) }
            let sql = try session.templates.render(template, [:], globals: state.scope(for: node.packageName))
            return (sql, state.ephemeralRefs)
        } catch let error as TemplateError {
            throw DBTError(template: error, path: node.definedAt.path)
        }
    }

    /// The CTEs for `ephemeralRefs`, nested ephemerals first, each once.
    private func ctes(for ephemeralRefs: [String]) throws -> [(name: String, sql: String)] {
        var ordered: [(name: String, sql: String)] = []
        var seen: Set<String> = []
        func visit(_ uniqueID: String) throws {
            guard seen.insert(uniqueID).inserted, let node = manifest.node(uniqueID) else { return }
            let (sql, nested) = try ephemerals.value(uniqueID) { try self.render(node) }
            for child in nested { try visit(child) }
            ordered.append(("__dbt__cte__" + node.name, sql))
        }
        for id in ephemeralRefs { try visit(id) }
        return ordered
    }

    /// What resolving a `ref()` needs of a model, seed or snapshot.
    private struct RefTarget: Sendable {
        var packageName: String
        var uniqueID: String
        var name: String
        var isEphemeral: Bool
        /// The relation of the first node with this unique ID.
        var relation: RelationName?
        var kind: String
    }

    private static func makeResolver(manifest: Manifest, session: CompileSession) -> ReferenceResolver {
        var relationByID: [String: RelationName?] = [:]
        relationByID.reserveCapacity(manifest.nodes.count)
        for index in manifest.nodes.indices where relationByID[manifest.nodes[index].uniqueID] == nil {
            relationByID[manifest.nodes[index].uniqueID] = .some(manifest.nodes[index].relation)
        }
        var byName: [String: [RefTarget]] = [:]
        for index in manifest.nodes.indices where [.model, .seed, .snapshot].contains(manifest.nodes[index].resourceType) {
            let node = manifest.nodes[index]
            let materialized = node.config.materialized
            byName[node.name, default: []].append(RefTarget(
                packageName: node.packageName, uniqueID: node.uniqueID, name: node.name, isEphemeral: materialized == "ephemeral",
                relation: relationByID[node.uniqueID] ?? nil, kind: node.resourceType == .seed ? "table" : materialized))
        }
        let sources = Dictionary(manifest.sources.map { ("\($0.sourceName).\($0.name)", $0) }, uniquingKeysWith: { a, _ in a })
        let rootPackage = manifest.projectName
        let graph: @Sendable () -> ConfigValue = {
            .dict([
                ("nodes", .dict(manifest.nodes.map { ($0.uniqueID, NodeValues.describe($0, session: session)) })),
                ("sources", .dict(manifest.sources.map { ($0.uniqueID, NodeValues.describe($0, session: session)) })),
            ])
        }
        let frozenByName = byName
        return ReferenceResolver(
            resolveRef: { reference, package in
                let all = frozenByName[reference.name] ?? []
                func matches(_ target: RefTarget) -> Bool { reference.package == nil || target.packageName == reference.package }
                guard let node = all.first(where: { matches($0) && $0.packageName == package })
                    ?? all.first(where: { matches($0) && $0.packageName == rootPackage }) ?? all.first(where: matches) else {
                    throw TemplateError(.raised, "'\(reference.name)' is not a model, seed or snapshot of this project")
                }
                if node.isEphemeral { return .ephemeral(uniqueID: node.uniqueID, name: node.name) }
                guard let relation = node.relation else {
                    throw TemplateError(.raised, "'\(reference.name)' has no relation")
                }
                return .relation(relation, kind: node.kind)
            },
            resolveSource: { reference in
                guard let source = sources["\(reference.source).\(reference.table)"] else {
                    throw TemplateError(.raised, "source '\(reference.source).\(reference.table)' was not found")
                }
                return source.relation
            },
            graph: graph)
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
