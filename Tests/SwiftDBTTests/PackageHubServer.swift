import Foundation

/// A package hub of a test's own: Python's `http.server` on a loopback port, serving a folder the test
/// fills with the hub's JSON (`api/v1/index.json`, `api/v1/<org>/<name>.json`) and .tar.gz archives
/// made from fixture packages. Stopped (and its folder removed) by `stop()`.
final class PackageHubServer {
    let folder: URL
    private(set) var url = ""
    private let process = Process()
    private var packages: [String: [String: Any]] = [:]

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-hub-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("api/v1"), withIntermediateDirectories: true)
        try writeIndex()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", folder.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        while !text.contains("\n") {
            let data = output.fileHandleForReading.availableData
            guard !data.isEmpty else { break }
            text += String(decoding: data, as: UTF8.self)
        }
        guard let range = text.range(of: #"port (\d+)"#, options: .regularExpression) else {
            stop()
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "http.server did not start: \(text)"])
        }
        url = "http://127.0.0.1:\(text[range].dropFirst(5))/"
    }

    /// Publishes `version` of hub package `name` (`org/package`): a tarball of the fixture package at
    /// `fixture` (its `dbt_project.yml` version set to `version`) and its entry in the package's JSON.
    func publish(_ name: String, version: String, fixture: URL, dependencies: [[String: Any]] = [],
                 requireDBTVersion: [String]? = nil) throws {
        let projectName = String(name.split(separator: "/").last ?? "")
        let top = "\(projectName)-\(version)"
        let source = folder.appendingPathComponent("src").appendingPathComponent(top)
        try? FileManager.default.removeItem(at: source)
        try FileManager.default.createDirectory(at: source.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixture, to: source)
        let projectFile = source.appendingPathComponent("dbt_project.yml")
        let lines = try String(contentsOf: projectFile, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("version:") ? "version: '\(version)'" : String($0) }
        try lines.joined(separator: "\n").write(to: projectFile, atomically: true, encoding: .utf8)
        let tarballs = folder.appendingPathComponent("tarballs")
        try FileManager.default.createDirectory(at: tarballs, withIntermediateDirectories: true)
        try runTool("tar", ["-czf", tarballs.appendingPathComponent("\(top).tar.gz").path, "-C", source.deletingLastPathComponent().path, top])
        var release: [String: Any] = ["name": projectName, "packages": dependencies,
                                      "downloads": ["tarball": url + "tarballs/\(top).tar.gz"]]
        if let requireDBTVersion { release["require_dbt_version"] = requireDBTVersion }
        var document = packages[name] ?? ["name": projectName, "namespace": String(name.split(separator: "/")[0]), "versions": [String: Any]()]
        var versions = document["versions"] as? [String: Any] ?? [:]
        versions[version] = release
        document["versions"] = versions
        packages[name] = document
        let file = folder.appendingPathComponent("api/v1/\(name).json")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]).write(to: file)
        try writeIndex()
    }

    private func writeIndex() throws {
        try JSONSerialization.data(withJSONObject: packages.keys.sorted()).write(to: folder.appendingPathComponent("api/v1/index.json"))
    }

    /// Stops the server and removes its folder.
    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Runs a system tool in `directory`; fails when it exits non-zero.
@discardableResult
func runTool(_ tool: String, _ arguments: [String], in directory: URL? = nil) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    if let directory { process.currentDirectoryURL = directory }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    guard process.terminationStatus == 0 else {
        throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(tool) \(arguments.joined(separator: " ")): \(text)"])
    }
    return text
}
