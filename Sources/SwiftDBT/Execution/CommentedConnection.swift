/// A connection whose statements carry the run's query comment (`query-comment:`), set for each node before
/// it runs: the one place a run's SQL gets its comment, whichever adapter runs it.
///
/// Statements and queries get it; the adapter's own catalog reads, transaction control and prepared inserts
/// go out as the adapter writes them.
final class CommentedConnection: DatabaseConnection {
    let inner: any DatabaseConnection
    let settings: QueryComment
    /// The rendered comment for the node running now, nil for none.
    private(set) var comment: String?

    init(_ inner: any DatabaseConnection, settings: QueryComment) {
        self.inner = inner
        self.settings = settings
    }

    /// Renders the comment for `node` (nil: outside any node, on the connection `connectionName`).
    func setComment(for node: ProjectNode?, connectionName: String = "master", compiler: Compiler) throws {
        comment = nil
        comment = try settings.render(for: node, connectionName: connectionName, compiler: compiler)
    }

    private func commented(_ sql: String) -> String { QueryComment.add(comment, to: sql, append: settings.append) }

    func execute(_ sql: String) throws { try inner.execute(commented(sql)) }
    func query(_ sql: String, limit: Int?) throws -> QueryResult { try inner.query(commented(sql), limit: limit) }
    func run(_ sql: String, fetch: Bool, limit: Int?) throws -> (status: StatementStatus, rows: QueryResult) {
        try inner.run(commented(sql), fetch: fetch, limit: limit)
    }
    func begin() throws { try inner.begin() }
    func commit() throws { try inner.commit() }
    func rollback() throws { try inner.rollback() }
    func relations(inSchemas schemas: [String]) throws -> [RelationName: RelationKind] { try inner.relations(inSchemas: schemas) }
    func columns(of relation: RelationName) throws -> [DatabaseColumn] { try inner.columns(of: relation) }
    func catalog(inSchemas schemas: [String]) throws -> [CatalogRelation] { try inner.catalog(inSchemas: schemas) }
    func createSchema(_ schema: String) throws { try inner.createSchema(schema) }
    func listSchemas() throws -> [String] { try inner.listSchemas() }
    func dropSchema(_ schema: String) throws { try inner.dropSchema(schema) }
    func prepareInsert(into relation: RelationName, columns: [String]) throws -> any RowInserter {
        try inner.prepareInsert(into: relation, columns: columns)
    }
    func interrupt() { inner.interrupt() }
    func isView(_ relation: RelationName, createdBy statement: String) throws -> Bool {
        try inner.isView(relation, createdBy: statement)
    }
    var serverVersion: Int? { inner.serverVersion }
}
