import Foundation

/// The relations that exist, listed once per run and kept current as the run changes them.
public final class RelationCache: @unchecked Sendable {
    /// Lists one schema's relations on a connection in place of the connection's own listing.
    typealias Lister = @Sendable (_ schema: String, _ connection: any DatabaseConnection) throws -> [RelationName: RelationKind]

    private let lock = NSLock()
    private var known: [RelationName: RelationKind] = [:]
    private var listedSchemas: Set<String> = []
    private var lister: Lister?

    public init() {}

    /// Lists schemas with `lister` from now on (a project's `list_relations_without_caching`, `RelationListing`).
    func list(with lister: @escaping Lister) {
        lock.withLock { self.lister = lister }
    }

    /// Lists the schemas not listed yet.
    public func load(_ schemas: [String], from connection: any DatabaseConnection) throws {
        let (missing, lister) = lock.withLock { (schemas.filter { !listedSchemas.contains($0) }, self.lister) }
        guard !missing.isEmpty else { return }
        var found: [RelationName: RelationKind] = [:]
        if let lister {
            for schema in missing { found.merge(try lister(schema, connection)) { $1 } }
        } else {
            found = try connection.relations(inSchemas: missing)
        }
        lock.withLock {
            listedSchemas.formUnion(missing)
            known.merge(found) { $1 }
        }
    }

    public func kind(of relation: RelationName) -> RelationKind? {
        lock.withLock { known[RelationCache.key(relation)] }
    }

    public func set(_ relation: RelationName, _ kind: RelationKind?) {
        lock.withLock { known[RelationCache.key(relation)] = kind }
    }

    /// Whether `schema` has been listed (and so exists, unless something outside the run dropped it).
    public func isListed(_ schema: String) -> Bool {
        lock.withLock { listedSchemas.contains(schema) }
    }

    /// Forgets a dropped schema: nothing in it exists, and it is listed again when asked about.
    public func forgetSchema(_ schema: String) {
        lock.withLock {
            listedSchemas.remove(schema)
            known = known.filter { $0.key.schema != schema }
        }
    }

    /// Relations are matched on schema and identifier (the database is the connection's).
    private static func key(_ relation: RelationName) -> RelationName {
        RelationName(database: nil, schema: relation.schema, identifier: relation.identifier)
    }
}
