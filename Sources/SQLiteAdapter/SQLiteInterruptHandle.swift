import CSQLite
import Foundation

/// Stops the statements a connection is running, from any thread.
///
/// `sqlite3_interrupt` may be called from any thread while the connection is open; the only
/// danger is calling it on a closed connection. The handle therefore keeps the connection
/// pointer behind a lock, and the connection clears it (under the same lock) before closing.
/// That makes the handle safe to share, hence `@unchecked Sendable`.
public final class SQLiteInterruptHandle: @unchecked Sendable {
    private let lock = NSLock()
    private var connection: OpaquePointer?

    init(connection: OpaquePointer) {
        self.connection = connection
    }

    /// Makes the running statement, if any, fail with `SQLITE_INTERRUPT` (9); does nothing once the connection is closed.
    public func interrupt() {
        lock.withLock {
            if let connection { sqlite3_interrupt(connection) }
        }
    }

    /// Called by the connection just before it closes.
    func invalidate() {
        lock.withLock { connection = nil }
    }
}
