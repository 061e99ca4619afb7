import Foundation

/// A seed's CSV as both ways of building a seed load it (`SeedLoader` in Swift, the `seed` materialization's
/// `load_csv_rows` through ``SeedTable``): the file, its columns with their inferred types (the `column_types`
/// config's override them) and the names the table's columns get.
struct SeedSource {
    let file: SeedFile
    /// The file's path as the user knows it (relative to the project), for errors.
    let shownPath: String
    let columns: [SeedColumn]
    /// The table's column names: the header's, or with `quote_columns: false` what the database makes of them
    /// unquoted (swiftdbt quotes that name: identifiers are always quoted).
    let names: [String]

    /// Reads `node`'s header and infers its column types, in one streaming pass over the file.
    init(_ node: ProjectNode, dialect: any Dialect) throws {
        let columnTypes: [String: String] = {
            guard case .dict(let pairs)? = node.config["column_types"] else { return [:] }
            return Dictionary(pairs.compactMap { key, value in value.scalarString.map { (key, $0) } }, uniquingKeysWith: { $1 })
        }()
        let delimiter = node.config["delimiter"]?.stringValue ?? ","
        file = SeedFile(path: (node.packageRoot as NSString).appendingPathComponent(node.originalFilePath),
                        delimiter: delimiter, columnTypes: columnTypes)
        shownPath = node.definedAt.path
        let file = self.file
        columns = try SeedSource.relabel(node.definedAt.path) { try file.inferColumns() }
        let quoted = node.config["quote_columns"]?.boolValue ?? true
        names = columns.map { quoted ? $0.name : dialect.unquotedName($0.name) }
    }

    /// Rows per batch handed from the reading thread to the inserting one, unless the caller says, and batches that may wait.
    static let batchRows = 1000
    private static let waitingBatches = 4

    /// Inserts every row into `target` (which has the columns `names`) through one prepared insert, read and converted
    /// on a thread of their own in batches of `batchRows`; returns the number of rows.
    func insert(into target: RelationName, connection: any DatabaseConnection, batchRows: Int = SeedSource.batchRows) throws -> Int {
        var count = 0
        let inserter = try connection.prepareInsert(into: target, columns: names)
        let width = max(1, columns.count)
        let batchValues = max(1, batchRows) * width
        let (file, columns) = (self.file, self.columns)
        try SeedSource.relabel(shownPath) {
            // At most `waitingBatches` wait, so memory does not grow with the file.
            try BoundedHandoff<[DatabaseValue]>.run(capacity: SeedSource.waitingBatches, produce: { handOver in
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
            }, consume: { batch in
                try inserter.insert(rows: batch, columns: width)
                count += batch.count / width
            })
        }
        try inserter.finish()
        return count
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
