import CSQLite

/// An error SQLite reported: its result codes, its message and the SQL that failed.
///
/// The description never includes bound arguments, which may hold private data:
/// `SQLite error 1: no such table: x - while executing `select * from x``.
public struct SQLiteError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The primary result code (`SQLITE_CONSTRAINT` is 19).
    public var resultCode: Int32
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE` is 2067); equals `resultCode` when SQLite gives no more detail.
    public var extendedResultCode: Int32
    /// SQLite's explanation, or the library's description of the code.
    public var message: String
    /// The SQL being prepared or run, when there was one.
    public var sql: String?

    public init(resultCode: Int32, extendedResultCode: Int32? = nil, message: String, sql: String? = nil) {
        self.resultCode = resultCode & 0xFF
        self.extendedResultCode = extendedResultCode ?? resultCode
        self.message = message
        self.sql = sql
    }

    /// The error behind `code`, a call's result: the connection's message when it describes that failure.
    init(code: Int32, connection: OpaquePointer?, sql: String?) {
        guard let connection, sqlite3_extended_errcode(connection) & 0xFF == code & 0xFF else {
            self.init(resultCode: code, message: String(cString: sqlite3_errstr(code)), sql: sql)
            return
        }
        self.init(resultCode: code, extendedResultCode: sqlite3_extended_errcode(connection),
                  message: String(cString: sqlite3_errmsg(connection)), sql: sql)
    }

    public var description: String {
        var text = "SQLite error \(resultCode): \(message)"
        if let sql { text += " - while executing `\(sql)`" }
        return text
    }
}
