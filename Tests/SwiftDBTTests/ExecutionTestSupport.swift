import Foundation
import TestSupport
import XCTest
@testable import SQLiteAdapter

/// A copy of a fixture project under `Tests/Fixtures/execution`, run through the `swiftdbt`
/// binary and inspected through the SQLite files it writes (`target/<name>.sqlite`, other
/// schemas in files beside it).
struct ExecutionProject {
    let name: String
    let root: String

    /// Copies `execution/<name>`; the fixture's profile is named like its folder.
    init(_ name: String) throws {
        self.name = name
        root = try copyFixture("execution/" + name)
    }

    /// Runs `swiftdbt` with `arguments` in the project.
    @discardableResult
    func run(_ arguments: String...) throws -> CLIRun {
        try run(arguments)
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> CLIRun {
        let (code, stdout, stderr) = try runCLI(arguments, in: root)
        return CLIRun(code: code, stdout: stdout, stderr: stderr)
    }

    /// The rows of `sql` on the project's database, with the test-audit schema attached when it exists.
    func rows(_ sql: String) throws -> [[SQLiteValue]] {
        let connection = try SQLiteConnection.open(path: root + "/target/\(name).sqlite")
        let audit = root + "/target/main_dbt_test__audit.db"
        if FileManager.default.fileExists(atPath: audit) { try connection.attach(databaseAt: audit, as: "main_dbt_test__audit") }
        return try connection.prepare(sql).rows()
    }

    /// The names of a relation's columns, in order.
    func columns(_ relation: String) throws -> [String] {
        try rows("select name from pragma_table_info('\(relation)') order by cid").map { $0.first?.text ?? "" }
    }

    /// `name: type` for each table and view of the main schema.
    func relations() throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try rows("select name, type from sqlite_master where type in ('table', 'view')")
            .map { ($0[0].text ?? "", $0[1].text ?? "") })
    }

    /// Replaces the file at `path` (relative to the project) with `text`.
    func write(_ text: String, to path: String) throws {
        try text.write(toFile: root + "/" + path, atomically: true, encoding: .utf8)
    }

    /// Whether the file at `path` (relative to the project) exists.
    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root + "/" + path)
    }

    /// The `results` of `target/run_results.json`, by unique ID.
    func runResults() throws -> [String: [String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/target/run_results.json"))
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let results = try XCTUnwrap(document["results"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: results.map { ($0["unique_id"] as? String ?? "", $0) })
    }
}

/// `swiftdbt` running in the background with its output going to a log file, which a test can read while it runs.
final class LoggedRun {
    private let process = Process()
    private let log: String

    /// Starts `swiftdbt arguments` in `directory`, writing standard output and error to `log`.
    init(_ arguments: [String], in directory: String, log: String) throws {
        self.log = log
        guard FileManager.default.createFile(atPath: log, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        defer { try? output.close() }
        process.executableURL = swiftdbtExecutable()
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = isolatedEnvironment(["NO_COLOR": "1"])
        process.standardOutput = output
        process.standardError = output
        try process.run()
    }

    /// What it has printed so far.
    var output: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }

    var isRunning: Bool { process.isRunning }

    /// Waits up to `seconds` for `condition`; returns whether it held.
    @discardableResult
    func wait(upTo seconds: Double = 60, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return condition()
    }

    /// Sends it `signal`: `SIGINT` as Ctrl-C does, `SIGKILL` as a crash or the OOM killer would.
    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for it to end; returns its exit status and everything it printed.
    func finish() -> (code: Int32, output: String) {
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}

/// What one `swiftdbt` invocation printed and returned.
struct CLIRun {
    let code: Int32
    let stdout: String
    let stderr: String

    /// The console lines without their timestamps, timings written as `Xs`: what dbt's lines are compared with.
    var lines: [String] {
        stdout.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var text = String(line)
            if let match = text.firstMatch(of: #/^\d\d:\d\d:\d\d  /#) { text.removeSubrange(match.range) }
            return text.replacing(#/ in \d+\.\d\ds\]/#, with: " in Xs]")
                .replacing(#/and \d+\.\d\d seconds \(\d+\.\d\ds\)/#, with: "and Xs")
        }
    }

    /// The progress lines (`1 of 5 ...`) other than `START` lines.
    var results: [String] {
        lines.filter { $0.firstMatch(of: #/^\d+ of \d+ /#) != nil && !$0.contains(" START ") }
    }

    /// Everything printed, for failure messages.
    var all: String { stdout + stderr }
}

extension SQLiteValue {
    var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }
}
