/// What compilation needs from a database adapter: its dispatch name, quoting and relation naming.
///
/// Each adapter declares its differences here; nothing outside an adapter branches on its name.
public protocol Dialect: Sendable {
    /// The adapter type, also the macro dispatch prefix (`sqlite__`, `postgres__`).
    var type: String { get }
    /// Whether relation names carry the database part (`"db"."schema"."table"`).
    var includesDatabase: Bool { get }
    /// Quotes an identifier.
    func quote(_ identifier: String) -> String
}

extension Dialect {
    public func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `"schema"."identifier"`, with the database part where the adapter has one.
    public func render(_ relation: RelationName) -> String {
        var parts: [String] = []
        if includesDatabase, let database = relation.database, !database.isEmpty { parts.append(quote(database)) }
        if let schema = relation.schema, !schema.isEmpty { parts.append(quote(schema)) }
        parts.append(quote(relation.identifier))
        return parts.joined(separator: ".")
    }
}
