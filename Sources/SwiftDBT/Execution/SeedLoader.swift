import Foundation

/// Loads a seed CSV: types inferred in one streaming pass, rows read and converted in a second on a thread
/// of their own while this one inserts them through a prepared statement inside one transaction, then
/// swapped in for the old table. A bad file fails the seed with `file:line: message` and leaves the old
/// table as it was.
struct SeedLoader {
    let connection: any DatabaseConnection
    let dialect: any Dialect
    let relations: RelationCache
    /// `--full-refresh`: recreate the table even when its columns did not change.
    let fullRefresh: Bool

    /// Loads `node`'s CSV (under its package root); returns the number of rows.
    func load(_ node: ProjectNode) throws -> Int {
        guard let relation = node.relation else { throw DBTError(.execution, "\(node.name) has no relation") }
        try dialect.checkNameLengths(relation)
        let source = try SeedSource(node, dialect: dialect)
        let names = source.names
        var materializer = Materializer(connection: connection, dialect: dialect, relations: relations, fullRefresh: true)
        let grants = Grants(node.config["grants"])
        let comments = PersistDocs(node.config["persist_docs"])
        materializer.finishing = { relation, reloaded in
            try grants.apply(to: relation, connection: connection, dialect: dialect, revokingStale: reloaded)
            try comments.apply(node, to: relation, kind: .table, connection: connection, dialect: dialect)
        }
        try relations.load([relation.schema ?? ""], from: connection)
        if relations.kind(of: relation) == .view {
            throw DBTError(.execution, "Cannot seed to '\(dialect.render(relation))', it is a view", at: node.definedAt)
        }
        // Same columns as last time: replace the rows in place (views that read the seed stay valid), emptied as dbt
        // empties it (`truncate table`; SQLite's `delete from`; Spark's file tables have no `delete`).
        if !fullRefresh, relations.kind(of: relation) == .table,
           try connection.columns(of: relation).map({ $0.name.lowercased() }) == names.map({ $0.lowercased() }) {
            var count = 0
            try materializer.transaction {
                try connection.execute(dialect.truncate(relation))
                count = try source.insert(into: relation, connection: connection)
                try materializer.finishing(relation, true)
            }
            return count
        }
        let definitions = zip(names, source.columns).map { "\(dialect.quote($0)) \(dialect.seedColumnType($1.type))" }
        let create = { (table: RelationName) in
            try connection.execute("create table \(dialect.render(table)) (\(definitions.joined(separator: ", ")))")
        }
        // Neither a table nor a view (a materialized view): dbt's seed creates the table, which the database refuses.
        if relations.kind(of: relation) == .materializedView { try create(relation) }
        var count = 0
        try materializer.replace(relation, kind: .table) { temporary in
            try create(temporary)
            count = try source.insert(into: temporary, connection: connection)
        }
        return count
    }
}
