import Foundation

/// A PostgreSQL server of one test's own, started by `scripts/postgres.sh` (initdb into a temporary
/// folder, a free loopback port), for tests that stop and restart the server. Removed on `deinit`.
public final class ThrowawayPostgresServer {
    /// `PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD` and `PGDATABASE` of the server, plus what the script needs to control it.
    public let environment: [String: String]

    private static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/postgres.sh").path

    /// Starts a server; fails with the script's message when PostgreSQL is not installed.
    public init() throws {
        let output = try ThrowawayPostgresServer.shell(". '\(ThrowawayPostgresServer.script)' start >&2 && env", environment: [:])
        var environment: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = String(line[..<equals])
            if key.hasPrefix("PG") || key.hasPrefix("SWIFTDBT_PG_") { environment[key] = String(line[line.index(after: equals)...]) }
        }
        self.environment = environment
    }

    /// Kills the server the way a crash would: open connections break.
    public func halt() throws { _ = try ThrowawayPostgresServer.shell(". '\(ThrowawayPostgresServer.script)' halt", environment: environment) }

    /// Starts the server again on the same port.
    public func resume() throws { _ = try ThrowawayPostgresServer.shell(". '\(ThrowawayPostgresServer.script)' resume", environment: environment) }

    deinit {
        _ = try? ThrowawayPostgresServer.shell(". '\(ThrowawayPostgresServer.script)' stop", environment: environment)
    }

    /// Runs `command` in bash; returns its standard output, or throws with its standard error.
    private static func shell(_ command: String, environment: [String: String]) throws -> String {
        let run = try RunningProcess(URL(fileURLWithPath: "/bin/bash"), ["-c", command],
                                     environment: ProcessInfo.processInfo.environment.merging(environment) { $1 }).wait()
        guard run.code == 0 else { throw ServerError(message: "scripts/postgres.sh: " + run.stderr) }
        return run.stdout
    }

    /// The script failed (PostgreSQL missing, initdb refused).
    public struct ServerError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }
}
