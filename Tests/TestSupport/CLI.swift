import Foundation

/// An environment with no profiles anywhere, so the embedded SQLite default is used.
public func isolatedEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
    ["HOME": FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-empty-home").path,
     "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"].merging(extra) { $1 }
}

/// The `swiftdbt` executable built next to the test bundle.
public func swiftdbtExecutable() -> URL {
    var folder = Bundle(for: BundleLocator.self).bundleURL
    while folder.pathExtension == "xctest" || folder.lastPathComponent == "Contents" || folder.lastPathComponent == "MacOS" {
        folder.deleteLastPathComponent()
    }
    return folder.appendingPathComponent("swiftdbt")
}

private final class BundleLocator {}

/// Runs the CLI in `directory`; returns its exit code, standard output and standard error.
public func runCLI(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> (code: Int32, stdout: String, stderr: String) {
    try startCLI(arguments, in: directory, environment: environment).wait()
}

/// Starts the CLI in the background in `directory`, with an isolated environment plus `environment`, colours off.
public func startCLI(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> RunningProcess {
    try RunningProcess(swiftdbtExecutable(), arguments, in: directory,
                       environment: isolatedEnvironment(environment.merging(["NO_COLOR": "1"]) { $1 }))
}

/// A process run in the background, for tests that act while it runs.
public final class RunningProcess {
    private let process = Process()
    private let out = Pipe(), err = Pipe()

    public init(_ executable: URL, _ arguments: [String], in directory: String? = nil, environment: [String: String]) throws {
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.environment = environment
        process.standardOutput = out
        process.standardError = err
        try process.run()
    }

    /// Sends `signal` to the process (`SIGKILL` to kill it the way a crash or the OOM killer would).
    public func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the process to end; returns its exit code, standard output and standard error.
    public func wait() -> (code: Int32, stdout: String, stderr: String) {
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        return (exitCode(), String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// Reaps the process with `waitpid`: Foundation's own wait can miss the exit of a process whose
    /// children daemonize (`pg_ctl start`) and hang. A signal gives 128 + its number, as shells do.
    private func exitCode() -> Int32 {
        var status: Int32 = 0
        while waitpid(process.processIdentifier, &status, 0) == -1 {
            guard errno == EINTR else {
                process.waitUntilExit()  // already reaped by Foundation
                return process.terminationStatus
            }
        }
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
