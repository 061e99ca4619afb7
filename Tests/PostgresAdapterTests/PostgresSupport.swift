import Foundation
import XCTest
import TestSupport
@testable import PostgresAdapter
@testable import SQLiteAdapter
@testable import SwiftDBT

/// The PostgreSQL server the suite uses (started by scripts/test.sh: PGHOST, PGPORT, PGUSER,
/// PGPASSWORD, PGDATABASE). Without one the test fails under `CI=true` and is skipped elsewhere.
func requirePostgres() throws -> [String: String] {
    let environment = ProcessInfo.processInfo.environment
    guard environment["PGHOST"] != nil else {
        throw missingPrerequisite("no PostgreSQL server is configured: set PGHOST (scripts/test.sh starts one)")
    }
    return environment
}

/// The repository's `Tests/Fixtures` folder.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

/// The repository's root: the attribution project.
let repositoryRoot = fixtures.deletingLastPathComponent().deletingLastPathComponent()

/// Drops the PostgreSQL schema of a project made by `projectWithBothTargets` and removes its folder (a test's tear-down).
func removeProject(_ root: String, schema: String, environment: [String: String]) {
    guard !root.isEmpty else { return }
    if let loaded = try? load(root, target: "postgres", environment: environment), let connection = try? connect(loaded) {
        try? connection.execute("drop schema if exists \"\(schema)\" cascade")
    }
    try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
}

/// Copies a fixture project and adds a `profiles.yml` with a `sqlite` and a `postgres` output
/// (the PostgreSQL schema is unique to this copy).
func projectWithBothTargets(_ name: String, profile: String) throws -> (root: String, schema: String) {
    try projectWithBothTargets(copying: [fixtures.appendingPathComponent(name)], profile: profile)
}

/// Copies `items` (a project folder, or a project's files) into a new folder with both outputs.
func projectWithBothTargets(copying items: [URL], profile: String) throws -> (root: String, schema: String) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-pg-\(UUID().uuidString)")
    let project = items.count == 1 ? root.appendingPathComponent(items[0].lastPathComponent) : root.appendingPathComponent(profile)
    try FileManager.default.createDirectory(at: items.count == 1 ? root : project, withIntermediateDirectories: true)
    for item in items {
        try FileManager.default.copyItem(at: item, to: items.count == 1 ? project : project.appendingPathComponent(item.lastPathComponent))
    }
    let schema = "t_" + UUID().uuidString.prefix(8).lowercased()
    let profiles = """
    \(profile):
      target: sqlite
      outputs:
        sqlite:
          type: sqlite
          schema: main
          path: target/\(profile).sqlite
        postgres:
          type: postgres
          host: "{{ env_var('PGHOST') }}"
          port: "{{ env_var('PGPORT', '5432') }}"
          user: "{{ env_var('PGUSER', 'postgres') }}"
          password: "{{ env_var('PGPASSWORD', '') }}"
          dbname: "{{ env_var('PGDATABASE', 'postgres') }}"
          schema: \(schema)
          threads: 1
    """
    try profiles.write(to: project.appendingPathComponent("profiles.yml"), atomically: true, encoding: .utf8)
    return (project.path, schema)
}

/// Loads a project for one target of its `profiles.yml`.
func load(_ root: String, target: String, environment: [String: String]) throws -> LoadedProject {
    var adapters = AdapterRegistry()
    adapters.register(SQLiteAdapterFactory())
    adapters.register(PostgresAdapterFactory())
    return try ProjectLoader.load(LoadOptions(projectDirectory: root, profilesDirectory: root, target: target,
                                              environment: environment), adapters: adapters)
}

/// A connection to a loaded project's target.
func connect(_ loaded: LoadedProject) throws -> any DatabaseConnection {
    let adapter = loaded.session.target.type == "postgres" ? PostgresAdapterFactory() as any ExecutionAdapter : SQLiteAdapterFactory()
    return try adapter.connect(loaded.session.target, projectRoot: loaded.session.project.root)
}

/// Builds every node of a loaded project; returns the results.
func build(_ loaded: LoadedProject) throws -> (results: [NodeResult], connection: any DatabaseConnection) {
    let connection = try connect(loaded)
    let runner = Runner(loaded: loaded, connection: connection, options: RunOptions(command: .build), reporter: SilentReporter())
    return (try runner.run(loaded.manifest.nodes.map(\.uniqueID)), connection)
}

/// A reporter that prints nothing.
struct SilentReporter: RunReporter {
    func started(_ node: ProjectNode, index: Int, total: Int) {}
    func finished(_ node: ProjectNode, result: NodeResult, index: Int, total: Int) {}
}

/// A table's row count and an order-independent checksum of every column, with numbers
/// compared as numbers (PostgreSQL's `54.00` equals SQLite's `54.0`).
func fingerprint(_ relation: String, _ connection: any DatabaseConnection) throws -> (rows: Int, checksum: String) {
    let result = try connection.query("select * from \(relation)", limit: nil)
    let lines = result.rows.map { row in
        row.map { value -> String in
            switch value {
            case .null: return "∅"
            case .integer(let i): return String(format: "%.6f", Double(i))
            case .real(let d): return String(format: "%.6f", d)
            case .bool(let b): return b ? "1.000000" : "0.000000"
            case .text(let s): return Double(s).map { String(format: "%.6f", $0) } ?? s
            case .blob(let bytes): return bytes.map { String($0) }.joined(separator: ",")
            }
        }.joined(separator: "|")
    }.sorted()
    return (lines.count, lines.joined(separator: "\n"))
}

/// What `adapter.valid_incremental_strategies()` gives on `adapter`, as Python prints the list dbt's adapter gives
/// (Tests/Fixtures/reference/incremental-strategies.json, recorded by scripts/record-incremental-strategies.py).
func recordedIncrementalStrategies(_ adapter: String) throws -> String {
    let data = try Data(contentsOf: fixtures.appendingPathComponent("reference/incremental-strategies.json"))
    let listed = try JSONDecoder().decode([String: [String]].self, from: data)
    return "[" + (listed[adapter] ?? []).map { "'\($0)'" }.joined(separator: ", ") + "]"
}
