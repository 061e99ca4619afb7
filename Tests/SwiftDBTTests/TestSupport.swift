import Foundation
import TestSupport
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

/// Copies the fixture project `name` into a new temporary folder and decodes the `expected.json` recorded in it.
func copyRecordedFixture<Expected: Decodable>(_ name: String, as _: Expected.Type) throws -> (root: String, expected: Expected) {
    let root = try copyFixture(name)
    let data = try Data(contentsOf: URL(fileURLWithPath: root + "/expected.json"))
    return (root, try JSONDecoder().decode(Expected.self, from: data))
}

/// The repository's own project files copied into a new folder (no profile: the embedded SQLite default).
func copyAttributionProject() throws -> String {
    let repository = fixturesFolder.deletingLastPathComponent().deletingLastPathComponent()
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-attribution-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    for item in ["dbt_project.yml", "selectors.yml", "models", "seeds", "macros", "data-tests"] {
        try FileManager.default.copyItem(at: repository.appendingPathComponent(item), to: root.appendingPathComponent(item))
    }
    return root.path
}

/// Loads a project as the CLI would, with the SQLite adapter.
func loadProject(_ root: String, vars: String? = nil, environment: [String: String] = [:]) throws -> LoadedProject {
    var adapters = AdapterRegistry()
    adapters.register(SQLiteAdapterFactory())
    return try ProjectLoader.load(LoadOptions(projectDirectory: root, vars: vars, environment: isolatedEnvironment(environment)),
                                  adapters: adapters)
}
