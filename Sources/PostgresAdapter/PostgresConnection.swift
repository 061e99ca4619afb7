import Foundation
import CLibPQ

/// An open libpq connection: runs SQL, returns text results, streams `COPY FROM STDIN`.
///
/// Used from one thread at a time; `cancel()` may be called from another.
final class PostgresConnection {
    private let handle: OpaquePointer

    /// Connects with libpq keywords (`host`, `port`, `user`, `password`, `dbname`, ...); libpq's
    /// `PG*` environment variables fill what is not given.
    init(parameters: [(String, String)]) throws {
        let keys = parameters.map { strdup($0.0) } + [nil]
        let values = parameters.map { strdup($0.1) } + [nil]
        defer {
            keys.forEach { free($0) }
            values.forEach { free($0) }
        }
        let connection = keys.withUnsafeBufferPointer { keyBuffer in
            values.withUnsafeBufferPointer { valueBuffer in
                keyBuffer.baseAddress.flatMap { k in
                    valueBuffer.baseAddress.flatMap { v in
                        k.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: keys.count) { keyPointers in
                            v.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: values.count) { valuePointers in
                                PQconnectdbParams(keyPointers, valuePointers, 0)
                            }
                        }
                    }
                }
            }
        }
        guard let connection else { throw PostgresError(message: "out of memory", sql: nil) }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines)
            PQfinish(connection)
            throw PostgresError(message: message, sql: nil)
        }
        // libpq prints the server's notices (`schema ... already exists, skipping`) to standard error; dbt does not show them.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        handle = connection
    }

    deinit {
        PQfinish(handle)
    }

    /// libpq's `server_version_num` of the server this connection reached (150004 for 15.4).
    var serverVersion: Int { Int(PQserverVersion(handle)) }

    /// Rows of a query as text (nil for NULL), with column names and type OIDs, and the command's
    /// status (`INSERT 0 3`) and count of rows (nil when the command has none).
    struct Rows {
        var columns: [String]
        var types: [UInt32]
        var values: [[String?]]
        var status = ""
        var count: Int?
    }

    /// Runs `sql` (one or more statements); returns the last statement's rows.
    @discardableResult
    func execute(_ sql: String, limit: Int? = nil) throws -> Rows {
        guard let result = PQexec(handle, sql) else { throw error(sql) }
        defer { PQclear(result) }
        try check(result, sql)
        return rows(result, limit: limit)
    }

    /// Runs one statement with text parameters bound as `$1`, `$2`, ... (never pasted into the SQL).
    @discardableResult
    func execute(_ sql: String, parameters: [String?]) throws -> Rows {
        let copies = parameters.map { $0.map { strdup($0) } ?? nil }
        defer { copies.forEach { free($0) } }
        let result = copies.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: copies.count) { pointers in
                    PQexecParams(handle, sql, Int32(copies.count), nil, pointers, nil, nil, 0)
                }
            } ?? PQexec(handle, sql)
        }
        guard let result else { throw error(sql) }
        defer { PQclear(result) }
        try check(result, sql)
        return rows(result, limit: nil)
    }

    /// Starts `COPY ... FROM STDIN`; send lines with `copy(_:)`, end with `endCopy()`.
    func beginCopy(_ sql: String) throws {
        guard let result = PQexec(handle, sql) else { throw error(sql) }
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COPY_IN else {
            try check(result, sql)
            throw PostgresError(message: "COPY did not start", sql: sql)
        }
    }

    func copy(_ data: [UInt8]) throws {
        let status = data.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { PQputCopyData(handle, $0, Int32(buffer.count)) }
            } ?? 1
        }
        guard status == 1 else { throw error("COPY") }
    }

    func endCopy() throws {
        guard PQputCopyEnd(handle, nil) == 1 else { throw error("COPY") }
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            try check(result, "COPY")
        }
    }

    /// Asks the server to cancel the statement in flight (callable from any thread).
    func cancel() {
        guard let cancel = PQgetCancel(handle) else { return }
        var buffer = [CChar](repeating: 0, count: 256)
        _ = PQcancel(cancel, &buffer, Int32(buffer.count))
        PQfreeCancel(cancel)
    }

    private func check(_ result: OpaquePointer, _ sql: String) throws {
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY, PGRES_COPY_IN:
            return
        default:
            var message = String(cString: PQresultErrorMessage(result)).trimmingCharacters(in: .whitespacesAndNewlines)
            if message.hasPrefix("ERROR:") { message = String(message.dropFirst(6)).trimmingCharacters(in: .whitespaces) }
            var position: Int?
            if let field = PQresultErrorField(result, Int32(UInt8(ascii: "P"))) { position = Int(String(cString: field)) }
            throw PostgresError(message: message, sql: sql, position: position, connectionLost: isBroken)
        }
    }

    private func error(_ sql: String) -> PostgresError {
        PostgresError(message: String(cString: PQerrorMessage(handle)).trimmingCharacters(in: .whitespacesAndNewlines), sql: sql,
                      connectionLost: isBroken)
    }

    /// Whether the connection to the server is gone (server stopped, network lost, backend terminated).
    private var isBroken: Bool {
        PQstatus(handle) == CONNECTION_BAD
    }

    private func rows(_ result: OpaquePointer, limit: Int?) -> Rows {
        let fields = Int(PQnfields(result))
        let count = min(Int(PQntuples(result)), limit ?? Int.max)
        let columns = (0..<fields).map { String(cString: PQfname(result, Int32($0))) }
        let types = (0..<fields).map { UInt32(PQftype(result, Int32($0))) }
        let values = (0..<count).map { row in
            (0..<fields).map { column -> String? in
                PQgetisnull(result, Int32(row), Int32(column)) == 1 ? nil
                    : String(cString: PQgetvalue(result, Int32(row), Int32(column)))
            }
        }
        let affected = PQcmdTuples(result).flatMap { Int(String(cString: $0)) }
        return Rows(columns: columns, types: types, values: values, status: String(cString: PQcmdStatus(result)), count: affected)
    }
}

/// A PostgreSQL error: the server's message, the SQL that failed, and where in it.
struct PostgresError: Error, CustomStringConvertible {
    var message: String
    var sql: String?
    /// 1-based character position in `sql` that the server pointed at.
    var position: Int?
    /// Whether the connection broke: nothing more can run on it.
    var connectionLost = false

    var description: String { message }

    /// The 1-based line of `sql` the error points at.
    var line: Int? {
        guard let position, let sql else { return nil }
        return sql.prefix(max(0, position - 1)).filter { $0 == "\n" }.count + 1
    }
}
