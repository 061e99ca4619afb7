import SwiftDBT

/// Relation listing as dbt-spark 1.11 lists: `show table extended in <schema> like '*'` once per schema, a relation
/// being a view when its `information` text says `Type: VIEW`. A schema that does not exist lists nothing; a catalog
/// that cannot list its v2 tables so (Iceberg's, `SHOW TABLE EXTENDED is not supported for v2 tables`) is listed with
/// `show tables` and `show views`.
extension SparkDatabase {
    func relations(inSchemas schemas: [String]) throws -> [RelationName: RelationKind] {
        var found: [RelationName: RelationKind] = [:]
        for schema in schemas {
            let listed: [(name: String, kind: RelationKind)]
            do {
                listed = try extendedListing(of: schema)
            } catch let error as DBTError where SparkDatabase.isMissing(error) {
                continue
            } catch let error as DBTError where error.message.contains("SHOW TABLE EXTENDED is not supported for v2 tables") {
                listed = try plainListing(of: schema)
            }
            for relation in listed {
                found[RelationName(database: nil, schema: schema, identifier: relation.name)] = relation.kind
            }
        }
        return found
    }

    /// The rows of `show table extended` (namespace, tableName, isTemporary, information) without temporary views.
    private func extendedListing(of schema: String) throws -> [(name: String, kind: RelationKind)] {
        try query("show table extended in \(dialect.quote(schema)) like '*'", limit: nil).rows.compactMap { row in
            guard row.count >= 4, row[2] != .bool(true), let name = SparkDatabase.text(row[1]) else { return nil }
            return (name, SparkDatabase.kind(information: SparkDatabase.text(row[3]) ?? ""))
        }
    }

    /// A relation's kind from the `information` text of `show table extended` (`Type: VIEW`, `Type: MANAGED`, ...).
    static func kind(information: String) -> RelationKind {
        information.split(separator: "\n").contains("Type: VIEW") ? .view : .table
    }

    /// `show tables` and `show views` of a schema, for catalogs `show table extended` cannot list.
    func plainListing(of schema: String) throws -> [(name: String, kind: RelationKind)] {
        let views = Set(try names("show views in \(dialect.quote(schema))"))
        return try names("show tables in \(dialect.quote(schema))").map { ($0, views.contains($0) ? .view : .table) }
    }

    /// The second column (the name) of a `show tables` or `show views` answer, without temporary views.
    private func names(_ sql: String) throws -> [String] {
        try query(sql, limit: nil).rows.compactMap { row in
            guard row.count >= 3, row[2] != .bool(true) else { return nil }
            return SparkDatabase.text(row[1])
        }
    }

    /// Spark's answer for a schema (or, on some catalogs, a table) that is not there: dbt-spark lists no relations then.
    private static func isMissing(_ error: DBTError) -> Bool {
        error.message.hasPrefix("[SCHEMA_NOT_FOUND]") || error.message.hasPrefix("[TABLE_OR_VIEW_NOT_FOUND]")
    }
}
