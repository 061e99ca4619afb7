/// A table or view as the database describes it, for `catalog.json`: its kind, comment, owner and columns.
public struct CatalogRelation: Sendable {
    public var relation: RelationName
    /// The database's own word for the kind (`table`, `view` on SQLite; `BASE TABLE`, `VIEW` on PostgreSQL).
    public var type: String
    public var comment: String?
    public var owner: String?
    public var columns: [Column]

    /// A column: its declared type, its position (from 1) and its comment.
    public struct Column: Sendable, Hashable {
        public var name: String
        public var type: String
        public var index: Int
        public var comment: String?

        public init(name: String, type: String, index: Int, comment: String? = nil) {
            self.name = name
            self.type = type
            self.index = index
            self.comment = comment
        }
    }

    public init(relation: RelationName, type: String, comment: String? = nil, owner: String? = nil, columns: [Column]) {
        self.relation = relation
        self.type = type
        self.comment = comment
        self.owner = owner
        self.columns = columns
    }
}
