import Foundation
import Synchronization

/// The one Spark session all connections of a process to the same server share (each on its own channel), as
/// dbt-spark's session method shares one (`SparkSession.builder.getOrCreate()`) among its threads. Spark keeps the
/// files of a table a session has read: a thread reading, in a session of its own, a table another thread has just
/// rebuilt would look for files that are gone (`FAILED_READ_FILE.FILE_NOT_EXIST`) or read old ones. The session is
/// released when its last connection closes.
enum SparkSharedSession {
    private struct Entry {
        let id: String
        var connections: Int
    }

    private static let sessions = Mutex<[SparkEndpoint: Entry]>([:])

    /// The session id for a new connection to `endpoint`.
    static func join(_ endpoint: SparkEndpoint) -> String {
        sessions.withLock { sessions in
            var entry = sessions[endpoint] ?? Entry(id: UUID().uuidString.lowercased(), connections: 0)
            entry.connections += 1
            sessions[endpoint] = entry
            return entry.id
        }
    }

    /// Whether the closing connection to `endpoint` was its session's last (the session is then to be released).
    static func leave(_ endpoint: SparkEndpoint) -> Bool {
        sessions.withLock { sessions in
            guard var entry = sessions[endpoint] else { return false }
            entry.connections -= 1
            sessions[endpoint] = entry.connections > 0 ? entry : nil
            return entry.connections <= 0
        }
    }
}
