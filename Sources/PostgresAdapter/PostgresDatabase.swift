import Foundation
import SwiftDBT

/// The PostgreSQL side of a run over one libpq connection. Seeds stream through
/// `COPY ... FROM STDIN`; the password never appears in any message.
final class PostgresDatabase: DatabaseConnection {
    private let connection: PostgresConnection
    var serverVersion: Int? { connection.serverVersion }

    init(target: Target) throws {
        var parameters: [(String, String)] = [("application_name", "swiftdbt")]
        for (profileKey, libpqKey) in [("host", "host"), ("port", "port"), ("user", "user"), ("password", "password"),
                                       ("dbname", "dbname"), ("database", "dbname"), ("connect_timeout", "connect_timeout"),
                                       ("sslmode", "sslmode"), ("keepalives_idle", "keepalives_idle")] {
            if let value = target.field(profileKey)?.scalarString, !value.isEmpty,
               !parameters.contains(where: { $0.0 == libpqKey }) {
                parameters.append((libpqKey, value))
            }
        }
        if let searchPath = target.field("search_path")?.scalarString, !searchPath.isEmpty {
            // libpq splits `options` at spaces: a backslash keeps one in the value (`public, x` is common).
            let escaped = searchPath.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: " ", with: "\\ ")
            parameters.append(("options", "-c search_path=\(escaped)"))
        }
        do {
            connection = try PostgresConnection(parameters: parameters)
            if let role = target.field("role")?.scalarString {
                try connection.execute("set role \(PostgresDialect().quote(role))")
            }
        } catch let error as PostgresError {
            let host = target.field("host")?.scalarString ?? ProcessInfo.processInfo.environment["PGHOST"] ?? "localhost"
            let port = target.field("port")?.scalarString ?? ProcessInfo.processInfo.environment["PGPORT"] ?? "5432"
            throw DBTError(.connection, "cannot connect to target '\(target.name)' at \(host):\(port): "
                           + PostgresDatabase.withoutPassword(error.message, target))
        }
    }

    /// Removes the password from a server or libpq message, should it ever quote it.
    private static func withoutPassword(_ message: String, _ target: Target) -> String {
        guard let password = target.field("password")?.scalarString, !password.isEmpty else { return message }
        return message.replacingOccurrences(of: password, with: "****")
    }

    func execute(_ sql: String) throws {
        try translate { _ = try connection.execute(sql) }
    }

    func query(_ sql: String, limit: Int?) throws -> QueryResult {
        try run(sql, fetch: true, limit: limit).rows
    }

    /// As dbt-postgres reports a statement: psycopg2's status message, its words as the code, its row count.
    func run(_ sql: String, fetch: Bool, limit: Int?) throws -> (status: StatementStatus, rows: QueryResult) {
        try translate {
            let rows = try connection.execute(sql, limit: limit)
            let code = rows.status.split(separator: " ").filter { !$0.allSatisfy(\.isNumber) }.joined(separator: " ")
            let status = StatementStatus(message: rows.status, code: code, rowsAffected: rows.count ?? -1)
            guard fetch else { return (status, QueryResult(columns: [], rows: [])) }
            var result = QueryResult(columns: rows.columns, rows: rows.values.map { values in
                zip(values, rows.types).map { PostgresDatabase.value($0, oid: $1) }
            }, temporal: rows.types.map(PostgresDatabase.temporalKind))
            result.columnTypes = rows.types.map(PostgresTypeLabel.label)
            result.decimalTexts = rows.types.indices.map { column in
                rows.types[column] == PostgresDatabase.numericOID ? rows.values.map { column < $0.count ? $0[column] : nil } : nil
            }
            return (status, result)
        }
    }

    func begin() throws { try execute("begin") }
    func commit() throws { try execute("commit") }
    func rollback() throws { try execute("rollback") }

    func createSchema(_ schema: String) throws {
        try execute("create schema if not exists \(PostgresDialect().quote(schema))")
    }

    func listSchemas() throws -> [String] {
        try query("select nspname from pg_namespace order by nspname", limit: nil).rows.compactMap {
            if case .text(let name)? = $0.first { return name } else { return nil }
        }
    }

    func dropSchema(_ schema: String) throws {
        try execute("drop schema if exists \(PostgresDialect().quote(schema)) cascade")
    }

    /// Tables and views (`information_schema.tables`) and materialized views (`pg_matviews`, which
    /// `information_schema` leaves out), as dbt-postgres lists them.
    func relations(inSchemas schemas: [String]) throws -> [RelationName: RelationKind] {
        guard !schemas.isEmpty else { return [:] }
        let list = PostgresDatabase.textArray(schemas)
        let rows = try translate {
            try connection.execute("select table_schema, table_name, table_type from information_schema.tables "
                                   + "where table_schema = any($1::text[]) "
                                   + "union all select schemaname, matviewname, 'MATERIALIZED VIEW' from pg_matviews "
                                   + "where schemaname = any($1::text[])", parameters: [list])
        }
        var found: [RelationName: RelationKind] = [:]
        for row in rows.values where row.count == 3 {
            guard let schema = row[0], let name = row[1] else { continue }
            let kind: RelationKind = switch row[2] {
            case "VIEW": .view
            case "MATERIALIZED VIEW": .materializedView
            default: .table
            }
            found[RelationName(database: nil, schema: schema, identifier: name)] = kind
        }
        return found
    }

    /// Tables, views, materialized views and foreign tables of `schemas` from `pg_catalog`, with their
    /// owner, their comment and their columns' types (as `format_type` writes them) and comments.
    func catalog(inSchemas schemas: [String]) throws -> [CatalogRelation] {
        guard !schemas.isEmpty else { return [] }
        let rows = try translate {
            try connection.execute("""
                select n.nspname, c.relname,
                       case c.relkind when 'v' then 'VIEW' when 'm' then 'MATERIALIZED VIEW' else 'BASE TABLE' end,
                       obj_description(c.oid, 'pg_class'), pg_get_userbyid(c.relowner),
                       a.attname, format_type(a.atttypid, a.atttypmod), col_description(c.oid, a.attnum)
                from pg_catalog.pg_class as c
                join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
                join pg_catalog.pg_attribute as a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                where n.nspname = any($1::text[]) and c.relkind in ('r', 'p', 'v', 'm', 'f')
                order by n.nspname, c.relname, a.attnum
                """, parameters: [PostgresDatabase.textArray(schemas)])
        }
        var found: [CatalogRelation] = []
        for row in rows.values where row.count == 8 {
            guard let schema = row[0], let name = row[1], let column = row[5] else { continue }
            if found.last?.relation.identifier != name || found.last?.relation.schema != schema {
                found.append(CatalogRelation(relation: RelationName(database: nil, schema: schema, identifier: name),
                                             type: row[2] ?? "BASE TABLE", comment: row[3], owner: row[4], columns: []))
            }
            let index = found[found.count - 1].columns.count + 1
            found[found.count - 1].columns.append(.init(name: column, type: row[6] ?? "", index: index, comment: row[7]))
        }
        return found
    }

    /// A PostgreSQL array literal of `names`: each in double quotes, its backslashes and double quotes escaped by a backslash.
    private static func textArray(_ names: [String]) -> String {
        "{" + names.map { name in
            "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }.joined(separator: ",") + "}"
    }

    func columns(of relation: RelationName) throws -> [DatabaseColumn] {
        let rows = try translate {
            try connection.execute("select column_name, data_type, character_maximum_length, numeric_precision, numeric_scale "
                                   + "from information_schema.columns "
                                   + "where table_schema = $1 and table_name = $2 order by ordinal_position",
                                   parameters: [relation.schema ?? "public", relation.identifier])
        }
        return rows.values.compactMap { row in
            guard row.count == 5, let name = row[0] else { return nil }
            return DatabaseColumn(name: name, type: row[1] ?? "text", charSize: row[2].flatMap { Int($0) },
                                  numericPrecision: row[3].flatMap { Int($0) }, numericScale: row[4].flatMap { Int($0) })
        }
    }

    func prepareInsert(into relation: RelationName, columns: [String]) throws -> any RowInserter {
        let dialect = PostgresDialect()
        try translate {
            try connection.beginCopy("copy \(dialect.render(relation)) (\(columns.map(dialect.quote).joined(separator: ", "))) from stdin")
        }
        return PostgresCopyInserter(connection: connection)
    }

    func interrupt() {
        connection.cancel()
    }

    private func translate<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PostgresError {
            throw error.runError
        }
    }

    /// `date` (OID 1082), `timestamp` (1114) and `timestamptz` (1184), which psycopg2 hands dbt as `date` and
    /// naive and aware `datetime` objects.
    private static func temporalKind(_ oid: UInt32) -> TemporalKind? {
        switch oid {
        case 1082: return .date
        case 1114: return .timestamp
        case 1184: return .zonedTimestamp
        default: return nil
        }
    }

    /// `numeric`, whose values psycopg2 hands dbt as `Decimal`s.
    private static let numericOID: UInt32 = 1700

    /// A text result converted by its type OID: booleans, integers and floats become typed values.
    private static func value(_ text: String?, oid: UInt32) -> DatabaseValue {
        guard let text else { return .null }
        switch oid {
        case 16: return .bool(text == "t")
        case 20, 21, 23: return Int64(text).map(DatabaseValue.integer) ?? .text(text)
        case 700, 701, numericOID: return Double(text).map(DatabaseValue.real) ?? .text(text)
        default: return .text(text)
        }
    }
}

/// Streams rows into an open `COPY ... FROM STDIN` in PostgreSQL's text format.
private final class PostgresCopyInserter: RowInserter {
    let connection: PostgresConnection
    private var buffer: [UInt8] = []

    init(connection: PostgresConnection) { self.connection = connection }

    func insert(_ row: [DatabaseValue]) throws {
        for (index, value) in row.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: "\t")) }
            append(value)
        }
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= 1 << 16 { try flush() }
    }

    func finish() throws {
        try flush()
        do {
            try connection.endCopy()
        } catch let error as PostgresError {
            throw error.runError
        }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try connection.copy(buffer)
        } catch let error as PostgresError {
            throw error.runError
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func append(_ value: DatabaseValue) {
        switch value {
        case .null: buffer.append(contentsOf: "\\N".utf8)
        case .integer(let i): buffer.append(contentsOf: String(i).utf8)
        case .real(let d): buffer.append(contentsOf: String(d).utf8)
        case .bool(let b): buffer.append(b ? UInt8(ascii: "t") : UInt8(ascii: "f"))
        case .blob(let bytes): buffer.append(contentsOf: ("\\\\x" + bytes.map { String(format: "%02x", $0) }.joined()).utf8)
        case .text(let text):
            let utf8 = text.utf8
            // Most text has nothing to escape: copied whole.
            guard utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 < 0x20 }) else {
                buffer.append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case UInt8(ascii: "\t"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case UInt8(ascii: "\n"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                default: buffer.append(byte)
                }
            }
        }
    }
}

extension PostgresError {
    /// The error a run reports: the server's message with the line of the compiled SQL it points at.
    var runError: DBTError {
        var text = message
        if let line { text += " (line \(line) of the compiled SQL)" }
        return DBTError(connectionLost ? .connectionLost : .execution, text)
    }
}
