#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// One writer per database: an exclusive `flock` on a lock file beside it (`target/x.sqlite.lock`),
/// held until the lock is released or the process ends, however it ends (the system drops the locks
/// of a dead process, so a killed run never leaves the database locked). The lock file itself stays.
public final class WriterLock {
    private let descriptor: Int32

    /// How long a run waits for another by default, in seconds.
    public static let defaultTimeout: Double = 300
    /// The environment variable that sets how long to wait, in seconds (`0`: fail at once).
    public static let timeoutVariable = "SWIFTDBT_LOCK_TIMEOUT"

    /// The wait `environment` asks for, or the default; a `.usage` error when it is not a number of seconds.
    public static func timeout(in environment: [String: String]) throws -> Double {
        guard let text = environment[timeoutVariable] else { return defaultTimeout }
        guard let seconds = Double(text.trimmingCharacters(in: .whitespaces)), seconds >= 0, seconds.isFinite else {
            throw DBTError(.usage, "\(timeoutVariable) must be a number of seconds, not '\(text)'")
        }
        return seconds
    }

    /// Locks `database` (a file path) through `<database>.lock`, creating the lock file and its folder when
    /// missing. While another process holds it, calls `waiting` once with the database's name as messages
    /// show it (relative to `projectRoot` when inside it) and keeps trying for up to `timeout` seconds;
    /// then fails with a `.connection` error naming the database.
    public init(database: String, projectRoot: String, timeout: Double, waiting: (String) -> Void) throws {
        let shown = database.hasPrefix(projectRoot + "/") ? String(database.dropFirst(projectRoot.count + 1)) : database
        let path = database + ".lock"
        try? FileManager.default.createDirectory(atPath: PathText.deletingLastComponent(path), withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw DBTError(.connection, "cannot create the lock file \(path): \(String(cString: strerror(errno)))")
        }
        let deadline = Date().addingTimeInterval(timeout)
        var announced = false
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let reason = errno
            guard reason == EWOULDBLOCK || reason == EINTR else {
                close(descriptor)
                throw DBTError(.connection, "cannot lock \(path): \(String(cString: strerror(reason)))")
            }
            guard Date() < deadline else {
                close(descriptor)
                throw DBTError(.connection, "another swiftdbt run is still using \(shown) after waiting \(String(format: "%g", timeout)) s; "
                               + "try again once it has finished (\(WriterLock.timeoutVariable) sets how long to wait)")
            }
            if !announced {
                waiting(shown)
                announced = true
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        self.descriptor = descriptor
    }

    deinit {
        // Closing the file releases the lock.
        close(descriptor)
    }
}
