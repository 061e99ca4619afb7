import CSQLite

/// An open SQLite database file: runs SQL, prepares statements, manages transactions.
///
/// A connection is used from one thread at a time; only its `interruptHandle` may cross threads.
public final class SQLiteConnection {
    /// The connection's `sqlite3*`; valid until deinit.
    let handle: OpaquePointer
    /// Stops the running statement from another thread.
    public let interruptHandle: SQLiteInterruptHandle
    private var savepointDepth = 0

    private init(handle: OpaquePointer) {
        self.handle = handle
        self.interruptHandle = SQLiteInterruptHandle(connection: handle)
    }

    deinit {
        interruptHandle.invalidate()
        // Statements hold their connection, so none is left to finalize here.
        sqlite3_close_v2(handle)
    }

    /// Set once, before the first connection initializes SQLite: nothing reads its memory statistics.
    private static let memoryStatisticsOff: Void = { _ = csqlite_disable_memory_statistics() }()

    /// Opens the database file at `path`, creating it unless `readOnly`.
    /// - Parameter busyTimeout: how long a statement waits for another process's lock before failing with `SQLITE_BUSY`.
    public static func open(path: String, readOnly: Bool = false,
                            busyTimeout: Duration = .seconds(5)) throws -> SQLiteConnection {
        memoryStatisticsOff
        var handle: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let error = SQLiteError(code: code, connection: handle, sql: nil)
            sqlite3_close_v2(handle)
            throw SQLiteError(resultCode: error.resultCode, extendedResultCode: error.extendedResultCode,
                              message: "\(error.message) (opening \(path))")
        }
        let connection = SQLiteConnection(handle: handle)
        sqlite3_extended_result_codes(handle, 1)
        let (seconds, attoseconds) = busyTimeout.components
        sqlite3_busy_timeout(handle, Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000))
        return connection
    }

    /// Runs one or more `;`-separated statements, discarding any rows they return.
    public func execute(_ sql: String) throws {
        try compileEach(sql) { statement in
            while try statement.step() {}
        }
    }

    /// Compiles a single statement; `sql` holding several is an error (use `execute` for scripts).
    public func prepare(_ sql: String) throws -> SQLiteStatement {
        var statements: [SQLiteStatement] = []
        try compileEach(sql) { statement in
            statements.append(statement)
            if statements.count > 1 {
                throw SQLiteError(resultCode: SQLITE_MISUSE,
                                  message: "prepare takes one statement; use execute to run several", sql: sql)
            }
        }
        guard let statement = statements.first else {
            throw SQLiteError(resultCode: SQLITE_MISUSE, message: "no SQL statement to prepare", sql: sql)
        }
        return statement
    }

    /// Compiles the statements of `sql` one after the other, handing each to `body` before compiling the next
    /// (a statement may depend on what the previous one created).
    private func compileEach(_ sql: String, _ body: (SQLiteStatement) throws -> Void) throws {
        var sql = sql
        try sql.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                // UInt8 and CChar memory may alias each other.
                let start = UnsafeRawPointer(base + offset).assumingMemoryBound(to: CChar.self)
                let code = sqlite3_prepare_v2(handle, start, Int32(clamping: bytes.count - offset), &statement, &tail)
                let end = tail.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
                let textEnd = code == SQLITE_OK ? end : bytes.count
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<textEnd]), as: UTF8.self)
                guard code == SQLITE_OK else {
                    throw SQLiteError(code: code, connection: handle, sql: text.trimmingSQLWhitespace())
                }
                if let statement {
                    try body(SQLiteStatement(connection: self, handle: statement, sql: text.trimmingSQLWhitespace()))
                }
                guard end > offset else { return }
                offset = end
            }
        }
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction: committed when it returns, rolled back when it
    /// (or the commit) throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` inside a savepoint, which nests in transactions and other savepoints:
    /// released when it returns, rolled back (and released) when it throws.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let name = "swiftdbt_savepoint_\(savepointDepth)"
        try execute("SAVEPOINT \(name)")
        do {
            let result = try body()
            try execute("RELEASE \(name)")
            return result
        } catch {
            try? execute("ROLLBACK TO \(name); RELEASE \(name)")
            throw error
        }
    }

    /// Attaches another database file (created when missing) under the schema name `schema`.
    public func attach(databaseAt path: String, as schema: String) throws {
        try prepare("ATTACH DATABASE ? AS \(Self.quoteIdentifier(schema))").run([.text(path)])
    }

    /// Detaches the database attached as `schema`.
    public func detach(_ schema: String) throws {
        try execute("DETACH DATABASE \(Self.quoteIdentifier(schema))")
    }

    /// SQLite's ways of keeping a rollback journal (`PRAGMA journal_mode`).
    public enum JournalMode: String, Sendable {
        case delete, truncate, persist, memory, wal, off
    }

    /// Sets the journal mode and returns the one in force, which differs when SQLite refuses
    /// (an in-memory database cannot use `wal`).
    @discardableResult
    public func journalMode(_ mode: JournalMode) throws -> String {
        let rows = try prepare("PRAGMA journal_mode = \(mode.rawValue)").rows()
        guard case .text(let current)? = rows.first?.first else {
            throw SQLiteError(resultCode: SQLITE_ERROR, message: "journal_mode returned no mode", sql: nil)
        }
        return current.lowercased()
    }

    /// Turns enforcement of foreign key constraints on or off (off is SQLite's default); no effect inside a transaction.
    public func foreignKeys(on: Bool) throws {
        try execute("PRAGMA foreign_keys = \(on ? "ON" : "OFF")")
    }

    /// The most `?` parameters one statement may take (`SQLITE_LIMIT_VARIABLE_NUMBER`).
    public var maxParameters: Int {
        Int(sqlite3_limit(handle, SQLITE_LIMIT_VARIABLE_NUMBER, -1))
    }

    /// Rows changed by the latest `INSERT`, `UPDATE` or `DELETE`.
    public var changes: Int {
        Int(sqlite3_changes64(handle))
    }

    /// `name` as a double-quoted SQL identifier.
    public static func quoteIdentifier(_ name: String) -> String {
        "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}

extension String {
    /// The text without leading and trailing whitespace.
    func trimmingSQLWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return String(self[first...last])
    }
}
