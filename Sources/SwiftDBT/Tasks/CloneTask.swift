import Foundation

/// `clone`: each selected model, seed and snapshot gets a relation in this target that reads the one
/// `--state` built, as dbt's clone materialization makes it: a view (`select *` from the state's relation;
/// neither PostgreSQL nor SQLite clones tables), or on SQLite, where a view cannot read another schema's
/// file, a table copied from it. A node whose relation already exists is left alone (`No-op`) unless
/// `fullRefresh`, as is one the state did not build; `log` says why, in dbt's words (dbt prints no progress
/// line for a clone). Nodes run one by one and nothing is skipped: each clone stands alone. A failing
/// clone leaves the previous relation in place. The new relation gets the node's `grants` and `persist_docs`.
public struct CloneTask {
    let loaded: LoadedProject
    let state: StateManifest
    let connection: any DatabaseConnection
    let fullRefresh: Bool
    let log: (String) -> Void

    public init(loaded: LoadedProject, state: StateManifest, connection: any DatabaseConnection, fullRefresh: Bool,
                log: @escaping (String) -> Void) {
        self.loaded = loaded
        self.state = state
        self.connection = connection
        self.fullRefresh = fullRefresh
        self.log = log
    }

    /// Clones `selected` (other resource types are ignored) and returns a result per node.
    public func run(_ selected: [String]) throws -> [NodeResult] {
        let nodes = selected.compactMap { loaded.manifest.node($0) }
            .filter { [.model, .seed, .snapshot].contains($0.resourceType) }
        let sources = try Dictionary(uniqueKeysWithValues: nodes.map { ($0.uniqueID, try state.checkedRelation(of: $0.uniqueID)) })
        let targetSchemas = Set(nodes.compactMap { $0.relation?.schema })
        for schema in targetSchemas.sorted() { try connection.createSchema(schema) }
        // Listing the state's schemas makes them readable (SQLite attaches their files).
        let relations = RelationCache()
        try relations.load(targetSchemas.union(sources.values.compactMap { $0?.schema }).sorted(), from: connection)
        return nodes.map { node in
            var result = clone(node, from: sources[node.uniqueID] ?? nil, relations: relations)
            result.threadName = "Thread-1 (worker)"
            return result
        }
    }

    private func clone(_ node: ProjectNode, from source: RelationName?, relations: RelationCache) -> NodeResult {
        let dialect = loaded.session.dialect
        let started = Date()
        // Nothing compiles: the compile phase ends as it starts, as in dbt.
        var result = NodeResult(uniqueID: node.uniqueID, status: .success, message: "No-op", startedAt: started,
                                compiledAt: started, completedAt: started, relationName: node.relation.map(dialect.render))
        guard let source, let target = node.relation else {
            log("No relation found in state manifest for \(node.uniqueID)")
            result.completedAt = Date()
            return result
        }
        if !fullRefresh, relations.kind(of: target) != nil {
            log("Relation \(dialect.render(target)) already exists")
            result.completedAt = Date()
            return result
        }
        guard source != target else { return result }
        let select = "select * from \(dialect.render(source))"
        let asView = dialect.viewsReadOtherSchemas || source.schema == target.schema
        do {
            try connection.begin()
            do {
                if let existing = relations.kind(of: target) { try connection.execute(dialect.drop(target, kind: existing)) }
                let status = try connection.run(asView ? dialect.createViewAs(target, select) : dialect.createTableAs(target, select),
                                                fetch: false, limit: nil).status
                // A new relation: its grants and comments as the node's config asks, nothing to revoke (dbt's view materialization).
                try Grants(node.config["grants"]).apply(to: target, connection: connection, dialect: dialect, revokingStale: false)
                try PersistDocs(node.config["persist_docs"]).apply(node, to: target, kind: asView ? .view : .table,
                                                                   connection: connection, dialect: dialect)
                try connection.commit()
                relations.set(target, asView ? .view : .table)
                result.message = status.message
                result.response = status
            } catch {
                try? connection.rollback()
                throw error
            }
        } catch {
            result.status = .error
            result.message = FailureMessage.text(error, node: node, runPath: nil)
        }
        result.completedAt = Date()
        return result
    }
}
