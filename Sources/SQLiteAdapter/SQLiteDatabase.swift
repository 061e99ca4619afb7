import Foundation
import SwiftDBT

/// The SQLite side of a run: one connection to the target's main file, with every other
/// schema a database file beside it, attached on demand (dbt-sqlite's model). WAL journal,
/// foreign keys as the profile says, and SQLite's errors turned into swiftdbt's.
final class SQLiteDatabase: DatabaseConnection {
    private let connection: SQLiteConnection
    private let schemaDirectory: String
    /// Attached schemas, lowercased (SQLite matches schema names without regard to case).
    private var attached: Set<String> = ["main", "temp"]

    init(target: Target, projectRoot: String) throws {
        let mainPath = SQLiteDatabase.mainPath(target, projectRoot: projectRoot)
        let folder = PathText.deletingLastComponent(mainPath)
        schemaDirectory = target.field("schema_directory")?.scalarString.map { SQLiteDatabase.resolve($0, projectRoot) } ?? folder
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw DBTError(.connection, "cannot open the SQLite database of target '\(target.name)' at \(mainPath): "
                           + "its folder \(folder) cannot be created")
        }
        do {
            connection = try SQLiteConnection.open(path: mainPath)
            _ = try connection.journalMode(.wal)
            try connection.foreignKeys(on: target.field("foreign_keys")?.boolValue ?? false)
            // Renaming a table must not rewrite the views that read it (the swap renames the old one away).
            try connection.execute("PRAGMA legacy_alter_table = ON")
            try SQLiteFunctions.register(on: connection)
        } catch {
            throw DBTError(.connection, "cannot open the SQLite database of target '\(target.name)' at \(mainPath): \(SQLiteDatabase.message(error))")
        }
        if case .dict(let paths)? = target.field("schemas_and_paths") {
            for (schema, path) in paths where schema != "main" {
                guard let path = path.scalarString else { continue }
                try attach(schema, path: SQLiteDatabase.resolve(path, projectRoot))
            }
        }
    }

    /// The main database file: `path`, or `schemas_and_paths.main`, relative to the project.
    static func mainPath(_ target: Target, projectRoot: String) -> String {
        let path = target.field("path")?.scalarString ?? target.field("schemas_and_paths")?["main"]?.scalarString
            ?? "target/\(target.profileName).sqlite"
        return resolve(path, projectRoot)
    }

    private static func resolve(_ path: String, _ root: String) -> String {
        (path as NSString).isAbsolutePath ? path : (root as NSString).appendingPathComponent(path)
    }

    private func attach(_ schema: String, path: String) throws {
        guard !attached.contains(schema.lowercased()) else { return }
        try translate { try connection.attach(databaseAt: path, as: schema) }
        attached.insert(schema.lowercased())
    }

    // MARK: DatabaseConnection

    func execute(_ sql: String) throws {
        try translate { try connection.execute(sql) }
    }

    func query(_ sql: String, limit: Int?) throws -> QueryResult {
        try translate {
            let statement = try connection.prepare(sql)
            var rows: [[DatabaseValue]] = []
            while (limit.map { rows.count < $0 } ?? true), try statement.step() {
                rows.append(statement.row.map(DatabaseValue.init))
            }
            return QueryResult(columns: statement.columnNames, rows: rows)
        }
    }

    /// As dbt-sqlite reports a statement: `OK`, and Python's row count (rows an insert, update or
    /// delete changed; -1 for anything else).
    func run(_ sql: String, fetch: Bool, limit: Int?) throws -> (status: StatementStatus, rows: QueryResult) {
        let rows = fetch ? try query(sql, limit: limit) : QueryResult(columns: [], rows: [])
        if !fetch { try execute(sql) }
        let changes = SQLiteDatabase.changesRows(sql) ? connection.changes : -1
        return (StatementStatus(message: "OK", code: nil, rowsAffected: changes), rows)
    }

    /// Whether `sql` starts (after spaces and comments) with `insert`, `update`, `delete` or `replace`.
    private static func changesRows(_ sql: String) -> Bool {
        var text = Substring(sql)
        while true {
            text = text.drop { $0.isWhitespace }
            if text.hasPrefix("--") {
                text = text.drop { $0 != "\n" }
            } else if text.hasPrefix("/*"), let end = text.range(of: "*/") {
                text = text[end.upperBound...]
            } else {
                break
            }
        }
        let word = text.prefix { $0.isLetter }.lowercased()
        return ["insert", "update", "delete", "replace"].contains(word)
    }

    func begin() throws { try execute("begin immediate") }
    func commit() throws { try execute("commit") }
    func rollback() throws { try execute("rollback") }

    /// Attaches the schema's file, `<schema>.db` in the schema folder (see `SQLiteSchemaFile`).
    func createSchema(_ schema: String) throws {
        guard schema.lowercased() != "temp" else {
            throw DBTError(.project, "schema \"\(schema)\" is SQLite's temporary database, whose tables vanish when the run ends")
        }
        guard !attached.contains(schema.lowercased()) else { return }
        try attach(schema, path: (schemaDirectory as NSString).appendingPathComponent(SQLiteSchemaFile.name(for: schema)))
    }

    func listSchemas() throws -> [String] {
        var schemas = try query("pragma database_list", limit: nil).rows.compactMap { row -> String? in
            guard row.count > 1, case .text(let name) = row[1], name != "temp" else { return nil }
            return name
        }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: schemaDirectory)) ?? []
        for file in files.sorted() where file.hasSuffix(".db") {
            let schema = String(file.dropLast(3))
            if !schemas.contains(schema) { schemas.append(schema) }
        }
        return schemas
    }

    /// Drops every relation of the schema, detaches it and removes its file (never the main database).
    func dropSchema(_ schema: String) throws {
        guard schema != "main", schema != "temp" else {
            throw DBTError(.execution, "cannot drop the schema '\(schema)': it is SQLite's own database")
        }
        let path = (schemaDirectory as NSString).appendingPathComponent("\(schema).db")
        if attached.contains(schema) {
            let quoted = SQLiteConnection.quoteIdentifier(schema)
            let rows = try query("select name, type from \(quoted).sqlite_master where type in ('view', 'table') "
                                 + "and name not like 'sqlite_%' order by type = 'table'", limit: nil).rows
            for row in rows {
                guard row.count == 2, case .text(let name) = row[0], case .text(let type) = row[1] else { continue }
                try execute("drop \(type) if exists \(quoted).\(SQLiteConnection.quoteIdentifier(name))")
            }
            try translate { try connection.detach(schema) }
            attached.remove(schema)
        }
        if FileManager.default.fileExists(atPath: path) {
            do {
                try FileManager.default.removeItem(atPath: path)
            } catch {
                throw DBTError(.execution, "cannot remove the file of schema '\(schema)' at \(path): \(error.localizedDescription)")
            }
        }
    }

    func relations(inSchemas schemas: [String]) throws -> [RelationName: RelationKind] {
        var found: [RelationName: RelationKind] = [:]
        for schema in schemas {
            try createSchema(schema)
            let rows = try query("select name, type from \(SQLiteConnection.quoteIdentifier(schema)).sqlite_master "
                                 + "where type in ('table', 'view')", limit: nil).rows
            for row in rows {
                guard row.count == 2, case .text(let name) = row[0], case .text(let type) = row[1] else { continue }
                found[RelationName(database: nil, schema: schema, identifier: name)] = type == "view" ? .view : .table
            }
        }
        return found
    }

    func columns(of relation: RelationName) throws -> [DatabaseColumn] {
        let schema = SQLiteConnection.quoteIdentifier(relation.schema ?? "main")
        let rows = try query("pragma \(schema).table_info(\(SQLiteConnection.quoteIdentifier(relation.identifier)))", limit: nil).rows
        return rows.compactMap { row in
            guard row.count > 2, case .text(let name) = row[1] else { return nil }
            if case .text(let type) = row[2] { return DatabaseColumn(name: name, type: type) }
            return DatabaseColumn(name: name, type: "")
        }
    }

    /// Columns of every table and view of each schema from `pragma_table_xinfo` over its `sqlite_master`
    /// (generated columns included, hidden columns of virtual tables not). A schema whose file does not
    /// exist yet has no relations, and its file is not created.
    func catalog(inSchemas schemas: [String]) throws -> [CatalogRelation] {
        var found: [CatalogRelation] = []
        for schema in schemas {
            let file = (schemaDirectory as NSString).appendingPathComponent(try SQLiteSchemaFile.name(for: schema))
            guard attached.contains(schema.lowercased()) || FileManager.default.fileExists(atPath: file) else { continue }
            try createSchema(schema)
            let quoted = SQLiteConnection.quoteIdentifier(schema)
            let literal = "'" + schema.replacingOccurrences(of: "'", with: "''") + "'"
            let rows = try query("select m.name, m.type, p.name, p.type, p.cid from \(quoted).sqlite_master as m "
                                 + "join pragma_table_xinfo(m.name, \(literal)) as p "
                                 + "where m.type in ('table', 'view') and m.name not like 'sqlite\\_%' escape '\\' "
                                 + "and p.hidden <> 1 order by m.name, p.cid", limit: nil).rows
            for row in rows {
                guard row.count == 5, case .text(let name) = row[0], case .text(let type) = row[1],
                      case .text(let column) = row[2], case .integer(let position) = row[4] else { continue }
                var declared = ""
                if case .text(let text) = row[3] { declared = text }
                if found.last?.relation.identifier != name || found.last?.relation.schema != schema {
                    found.append(CatalogRelation(relation: RelationName(database: nil, schema: schema, identifier: name),
                                                 type: type, columns: []))
                }
                found[found.count - 1].columns.append(.init(name: column, type: declared, index: found[found.count - 1].columns.count + 1))
                _ = position
            }
        }
        return found
    }

    /// SQLite keeps a view's `create` statement as `CREATE VIEW ` followed by the text from the unqualified
    /// name to the last token: the same text means the same view. (Replacing a view means dropping it, and
    /// every drop makes SQLite recompute the columns of all views, which costs the square of a chain's depth.)
    func isView(_ relation: RelationName, createdBy statement: String) throws -> Bool {
        guard let qualified = statement.range(of: SQLiteDialect().render(relation)) else { return false }
        let name = SQLiteConnection.quoteIdentifier(relation.identifier)
        var tail = (name + statement[qualified.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
        if tail.hasSuffix(";") { tail = String(tail.dropLast()).trimmingCharacters(in: .whitespacesAndNewlines) }
        let schema = SQLiteConnection.quoteIdentifier(relation.schema ?? "main")
        let stored = try translate {
            try connection.prepare("select sql from \(schema).sqlite_master where type = 'view' and name = ?")
                .rows([.text(relation.identifier)])
        }
        guard stored.count == 1, case .text(let text) = stored[0].first else { return false }
        return text == "CREATE VIEW " + tail
    }

    func prepareInsert(into relation: RelationName, columns: [String]) throws -> any RowInserter {
        try translate { try SQLiteRowInserter(connection: connection, relation: relation, columns: columns) }
    }

    func interrupt() {
        connection.interruptHandle.interrupt()
    }

    private static func message(_ error: Error) -> String {
        (error as? SQLiteError)?.message ?? "\(error)"
    }
}

/// Inserts rows a batch at a time through one prepared multi-row `insert ... values (?, ...), (?, ...)`:
/// one statement step per batch rather than per row, values always bound. The last, shorter batch
/// gets a statement of its own size.
private final class SQLiteRowInserter: RowInserter {
    /// Rows per statement, when the parameter limit allows: past this a larger batch saves nothing.
    private static let preferredBatch = 100

    private let connection: SQLiteConnection
    private let columnCount: Int
    /// `insert into ... (...) values `, and one row's `(?, ...)`.
    private let head: String
    private let rowPlaceholders: String
    private let batch: SQLiteStatement
    private let batchValues: Int
    /// Values of the rows not yet inserted, row after row.
    private var pending: [SQLiteValue] = []

    init(connection: SQLiteConnection, relation: RelationName, columns: [String]) throws {
        self.connection = connection
        columnCount = columns.count
        head = "insert into \(SQLiteDialect().render(relation)) (\(columns.map(SQLiteConnection.quoteIdentifier).joined(separator: ", "))) values "
        rowPlaceholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let rows = max(1, min(Self.preferredBatch, connection.maxParameters / max(1, columns.count)))
        batchValues = rows * columns.count
        batch = try connection.prepare(Self.sql(head, rowPlaceholders, rows: rows))
        pending.reserveCapacity(batchValues)
    }

    private static func sql(_ head: String, _ row: String, rows: Int) -> String {
        head + Array(repeating: row, count: rows).joined(separator: ", ")
    }

    func insert(_ row: [DatabaseValue]) throws {
        try insert(rows: row, columns: row.count)
    }

    /// Tops up the pending rows to a batch first, then runs whole batches straight from `values`.
    func insert(rows values: [DatabaseValue], columns: Int) throws {
        guard columns == columnCount, values.count % max(1, columnCount) == 0 else {
            throw DBTError(.execution, "rows of \(columns) values (\(values.count) in all) for an insert of \(columnCount) columns")
        }
        var start = 0
        while start < values.count {
            if pending.isEmpty, values.count - start >= batchValues {
                let arguments = values[start..<start + batchValues].map { SQLiteValue($0) }
                try translate { try batch.run(arguments) }
                start += batchValues
                continue
            }
            let end = min(start + batchValues - pending.count, values.count)
            for value in values[start..<end] { pending.append(SQLiteValue(value)) }
            start = end
            if pending.count == batchValues { try flush(into: batch) }
        }
    }

    func finish() throws {
        guard !pending.isEmpty else { return }
        let rows = pending.count / max(1, columnCount)
        try flush(into: try translate { try connection.prepare(Self.sql(head, rowPlaceholders, rows: rows)) })
    }

    private func flush(into statement: SQLiteStatement) throws {
        try translate { try statement.run(pending) }
        pending.removeAll(keepingCapacity: true)
    }

}

/// Runs `body`, reporting SQLite's failures as swiftdbt errors with SQLite's message.
private func translate<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as SQLiteError {
        throw DBTError(.execution, error.message)
    }
}

extension DatabaseValue {
    init(_ value: SQLiteValue) {
        switch value {
        case .null: self = .null
        case .integer(let i): self = .integer(i)
        case .real(let d): self = .real(d)
        case .text(let s): self = .text(s)
        case .blob(let bytes): self = .blob(bytes)
        }
    }
}

extension SQLiteValue {
    init(_ value: DatabaseValue) {
        switch value {
        case .null: self = .null
        case .integer(let i): self = .integer(i)
        case .real(let d): self = .real(d)
        case .text(let s): self = .text(s)
        case .bool(let b): self = .integer(b ? 1 : 0)
        case .blob(let bytes): self = .blob(bytes)
        }
    }
}
