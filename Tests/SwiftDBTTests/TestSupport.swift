import Foundation
import SQLiteAdapter
@testable import SwiftDBT

/// The repository's `Tests/Fixtures` folder.
let fixturesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

/// Copies the fixture project `name` (a path under `Tests/Fixtures`) into a new temporary folder.
func copyFixture(_ name: String) throws -> String {
    let destination = FileManager.default.temporaryDirectory
        .appendingPathComponent("swiftdbt-\(UUID().uuidString)").appendingPathComponent((name as NSString).lastPathComponent)
    try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: fixturesFolder.appendingPathComponent(name), to: destination)
    return destination.path
}

/// An environment with no profiles anywhere, so the embedded SQLite default is used.
func isolatedEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
    ["HOME": FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-empty-home").path,
     "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"].merging(extra) { $1 }
}

/// Loads a project as the CLI would, with the SQLite adapter.
func loadProject(_ root: String, vars: String? = nil, environment: [String: String] = [:]) throws -> LoadedProject {
    var adapters = AdapterRegistry()
    adapters.register(SQLiteAdapterFactory())
    return try ProjectLoader.load(LoadOptions(projectDirectory: root, vars: vars, environment: isolatedEnvironment(environment)),
                                  adapters: adapters)
}

/// The `swiftdbt` executable built next to the test bundle.
func swiftdbtExecutable() -> URL {
    var folder = Bundle(for: BundleLocator.self).bundleURL
    while folder.pathExtension == "xctest" || folder.lastPathComponent == "Contents" || folder.lastPathComponent == "MacOS" {
        folder.deleteLastPathComponent()
    }
    return folder.appendingPathComponent("swiftdbt")
}

private final class BundleLocator {}

/// Runs the CLI in `directory`; returns its exit code, standard output and standard error.
func runCLI(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> (code: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = swiftdbtExecutable()
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.environment = isolatedEnvironment(environment.merging(["NO_COLOR": "1"]) { $1 })
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}
