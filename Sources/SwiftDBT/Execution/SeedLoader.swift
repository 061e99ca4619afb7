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

    /// Loads `node`'s CSV (under `root`); returns the number of rows.
    func load(_ node: ProjectNode, root: String) throws -> Int {
        guard let relation = node.relation else { throw DBTError(.execution, "\(node.name) has no relation") }
        try dialect.checkNameLengths(relation)
        let columnTypes: [String: String] = {
            guard case .dict(let pairs)? = node.config["column_types"] else { return [:] }
            return Dictionary(pairs.compactMap { key, value in value.scalarString.map { (key, $0) } }, uniquingKeysWith: { $1 })
        }()
        let file = SeedFile(path: (root as NSString).appendingPathComponent(node.originalFilePath),
                            delimiter: node.config["delimiter"]?.stringValue ?? ",", columnTypes: columnTypes)
        let shown = SeedFile(path: node.definedAt.path, delimiter: file.delimiter, columnTypes: columnTypes)
        // `quote_columns: false`: dbt writes the header's names unquoted, so they become what the
        // database makes of an unquoted name; swiftdbt quotes that name (identifiers always quoted).
        let columns = try SeedLoader.relabel(shown.path) { try file.inferColumns() }
        let quoted = node.config["quote_columns"]?.boolValue ?? true
        let names = columns.map { quoted ? $0.name : dialect.unquotedName($0.name) }
        var materializer = Materializer(connection: connection, dialect: dialect, relations: relations, fullRefresh: true)
        let grants = Grants(node.config["grants"])
        let comments = PersistDocs(node.config["persist_docs"])
        materializer.finishing = { relation, reloaded in
            try grants.apply(to: relation, connection: connection, dialect: dialect, revokingStale: reloaded)
            try comments.apply(node, to: relation, kind: .table, connection: connection, dialect: dialect)
        }
        try relations.load([relation.schema ?? ""], from: connection)
        func loadRows(into target: RelationName) throws -> Int {
            var count = 0
            let inserter = try connection.prepareInsert(into: target, columns: names)
            try SeedLoader.relabel(shown.path) {
                try SeedLoader.readBatches(of: file, columns: columns) { batch in
                    try inserter.insert(rows: batch, columns: columns.count)
                    count += batch.count / max(1, columns.count)
                }
            }
            try inserter.finish()
            return count
        }
        // Same columns as last time: replace the rows in place (views that read the seed stay valid), emptied as dbt
        // empties it (`truncate table`; SQLite's `delete from`; Spark's file tables have no `delete`).
        if !fullRefresh, relations.kind(of: relation) == .table,
           try connection.columns(of: relation).map({ $0.name.lowercased() }) == names.map({ $0.lowercased() }) {
            var count = 0
            try materializer.transaction {
                try connection.execute(dialect.truncate(relation))
                count = try loadRows(into: relation)
                try materializer.finishing(relation, true)
            }
            return count
        }
        var count = 0
        try materializer.replace(relation, kind: .table) { temporary in
            let definitions = zip(names, columns).map { "\(dialect.quote($0)) \(dialect.seedColumnType($1.type))" }
            try connection.execute("create table \(dialect.render(temporary)) (\(definitions.joined(separator: ", ")))")
            count = try loadRows(into: temporary)
        }
        return count
    }

    /// Rows per batch handed from the reading thread to the inserting one, and batches that may wait.
    private static let batchRows = 1000
    private static let waitingBatches = 4

    /// Reads and converts `file`'s rows on a thread of its own while `body` inserts them on this one: each
    /// batch is `batchRows` rows' values (the last may be shorter), row after row. At most `waitingBatches`
    /// wait, so memory does not grow with the file.
    private static func readBatches(of file: SeedFile, columns: [SeedColumn],
                                    _ body: ([DatabaseValue]) throws -> Void) throws {
        let batchValues = batchRows * max(1, columns.count)
        try BoundedHandoff<[DatabaseValue]>.run(capacity: waitingBatches, produce: { handOver in
            var batch: [DatabaseValue] = []
            batch.reserveCapacity(batchValues)
            try file.forEachRow(columns: columns) { values, _ in
                for value in values { batch.append(DatabaseValue(value)) }
                if batch.count >= batchValues {
                    try handOver(batch)
                    batch = []
                    batch.reserveCapacity(batchValues)
                }
            }
            if !batch.isEmpty { try handOver(batch) }
        }, consume: body)
    }

    /// Reports file errors under the path the user knows (relative to the project).
    private static func relabel<T>(_ shown: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var error as DBTError {
            if var location = error.location {
                location.path = shown
                error.location = location
            }
            throw error
        }
    }
}

extension DatabaseValue {
    init(_ value: SeedValue) {
        switch value {
        case .null: self = .null
        case .integer(let i): self = .integer(i)
        case .real(let d): self = .real(d)
        case .boolean(let b): self = .bool(b)
        case .date(let text), .timestamp(let text), .text(let text): self = .text(text)
        }
    }
}
