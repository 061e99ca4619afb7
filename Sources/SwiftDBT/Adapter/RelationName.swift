/// Where a model, seed or source lives in the database.
public struct RelationName: Sendable, Hashable {
    public var database: String?
    public var schema: String?
    public var identifier: String

    public init(database: String?, schema: String?, identifier: String) {
        self.database = database
        self.schema = schema
        self.identifier = identifier
    }
}
