import CSQLite

/// A compiled SQL statement: bind arguments, step through its rows, reset, run again.
public final class SQLiteStatement {
    /// Kept so the database outlives its statements.
    private let connection: SQLiteConnection
    private let handle: OpaquePointer
    /// The statement's SQL, as errors report it.
    public let sql: String

    init(connection: SQLiteConnection, handle: OpaquePointer, sql: String) {
        self.connection = connection
        self.handle = handle
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// How many `?` (or named) parameters the statement takes.
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// Resets the statement and binds `arguments` to its parameters, in order; their count must match.
    public func bind(_ arguments: [SQLiteValue]) throws {
        guard arguments.count == parameterCount else {
            throw SQLiteError(resultCode: SQLITE_RANGE,
                              message: "the statement takes \(parameterCount) arguments, \(arguments.count) given", sql: sql)
        }
        reset()
        for (offset, argument) in arguments.enumerated() {
            let code = bind(argument, at: Int32(offset + 1))
            guard code == SQLITE_OK else { throw error(code) }
        }
    }

    private func bind(_ value: SQLiteValue, at index: Int32) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(handle, index)
        case .integer(let integer):
            return sqlite3_bind_int64(handle, index, integer)
        case .real(let real):
            return sqlite3_bind_double(handle, index, real)
        case .text(var text):
            return text.withUTF8 { bytes in
                // A nil pointer would bind NULL instead of the empty string.
                guard let start = bytes.baseAddress else {
                    return sqlite3_bind_text64(handle, index, "", 0, csqlite_transient(), UInt8(SQLITE_UTF8))
                }
                return sqlite3_bind_text64(handle, index, UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self),
                                           UInt64(bytes.count), csqlite_transient(), UInt8(SQLITE_UTF8))
            }
        case .blob(let bytes):
            return bytes.withUnsafeBytes { buffer in
                guard let start = buffer.baseAddress else { return sqlite3_bind_zeroblob(handle, index, 0) }
                return sqlite3_bind_blob64(handle, index, start, UInt64(buffer.count), csqlite_transient())
            }
        }
    }

    /// Advances to the next row: true when a row is ready to read, false when the statement is done.
    @discardableResult
    public func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw error(code)
        }
    }

    /// Rewinds the statement so it can run again; bindings are kept.
    public func reset() {
        // sqlite3_reset only repeats the error of the last step, which step() has already thrown.
        sqlite3_reset(handle)
    }

    /// Sets every parameter back to NULL.
    public func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    /// Binds `arguments` and steps until the statement is done, discarding rows.
    public func run(_ arguments: [SQLiteValue] = []) throws {
        try bind(arguments)
        while try step() {}
    }

    /// The number of columns in the statement's rows (0 for statements that return none).
    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    /// The result columns' names, as `AS` gives them or SQLite makes them up.
    public var columnNames: [String] {
        (0..<sqlite3_column_count(handle)).map { sqlite3_column_name(handle, $0).map { String(cString: $0) } ?? "" }
    }

    /// The declared types of the result columns (`INTEGER`, `varchar(20)`); nil for expressions.
    public var declaredTypes: [String?] {
        (0..<sqlite3_column_count(handle)).map { sqlite3_column_decltype(handle, $0).map { String(cString: $0) } }
    }

    /// The value of the current row's column `index` (0-based).
    public func value(at index: Int) -> SQLiteValue {
        let column = Int32(index)
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT:
            let start = sqlite3_column_text(handle, column)
            let count = Int(sqlite3_column_bytes(handle, column))
            return .text(String(decoding: UnsafeBufferPointer(start: start, count: start == nil ? 0 : count),
                                as: UTF8.self))
        case SQLITE_BLOB:
            let start = sqlite3_column_blob(handle, column)
            let count = Int(sqlite3_column_bytes(handle, column))
            guard let start else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: start, count: count)))
        default:
            return .null
        }
    }

    /// The current row's values, one a column.
    public var row: [SQLiteValue] {
        (0..<columnCount).map(value(at:))
    }

    /// Binds `arguments`, runs the statement and calls `body` with each row.
    public func forEachRow(_ arguments: [SQLiteValue] = [], _ body: ([SQLiteValue]) throws -> Void) throws {
        try bind(arguments)
        while try step() {
            try body(row)
        }
    }

    /// Binds `arguments`, runs the statement and returns all its rows.
    public func rows(_ arguments: [SQLiteValue] = []) throws -> [[SQLiteValue]] {
        var rows: [[SQLiteValue]] = []
        try forEachRow(arguments) { rows.append($0) }
        return rows
    }

    private func error(_ code: Int32) -> SQLiteError {
        SQLiteError(code: code, connection: connection.handle, sql: sql)
    }
}
