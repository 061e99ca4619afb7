import Foundation
import XCTest
@testable import PostgresAdapter
@testable import SQLiteAdapter
@testable import SwiftDBT

/// Each adapter target carries its own variants of the built-in macros (`Sources/<Adapter>/macros`), read into
/// the `dbt` namespace after the core's for that adapter's targets only, as dbt loads only the active adapter's
/// macros: the core holds no `sqlite__`/`postgres__` macro, and dispatch still finds each database's own.
final class AdapterMacroFolderTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-adapter-macros-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        root = folder.path
        try "name: adapter_macros\nprofile: adapter_macros\n".write(toFile: root + "/dbt_project.yml", atomically: true, encoding: .utf8)
        // Parsing and compiling these macros never connects, so the PostgreSQL output needs no server.
        let profiles = """
        adapter_macros:
          target: sqlite
          outputs:
            sqlite: {type: sqlite, schema: main, path: target/adapter_macros.sqlite}
            postgres: {type: postgres, host: localhost, user: nobody, dbname: nothing, schema: public}
        """
        try profiles.write(toFile: root + "/profiles.yml", atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: root)
    }

    func testEachTargetLoadsOnlyItsOwnAdaptersMacros() throws {
        for (target, other) in [("sqlite", "postgres"), ("postgres", "sqlite")] {
            let loaded = try load(root, target: target, environment: [:])
            let builtins = loaded.manifest.macros.filter { $0.packageName == MacroRegistry.internalPackage }
            let own = builtins.filter { $0.name.hasPrefix(target + "__") }
            XCTAssertTrue(own.contains { $0.name == "\(target)__current_timestamp" }, target)
            XCTAssertEqual(Set(own.map(\.originalFilePath)).filter { !$0.hasPrefix("swiftdbt/\(target)/macros/") }, [], target)
            XCTAssertEqual(builtins.filter { $0.name.hasPrefix(other + "__") }.map(\.name), [], target)
        }
    }

    func testDispatchFindsEachAdaptersVariant() throws {
        let expected = ["sqlite": "select datetime('now')", "postgres": "select now()"]
        for (target, sql) in expected {
            let loaded = try load(root, target: target, environment: [:])
            let compiler = Compiler(session: loaded.session, manifest: loaded.manifest)
            XCTAssertEqual(try compiler.compileInline("select {{ dbt.current_timestamp() }}"), sql, target)
        }
    }

    /// The core's macro folder holds no adapter's variant; each adapter's folder holds only macros that are its
    /// own variants (`<type>__...`).
    func testAdapterVariantsLiveInTheirAdaptersFolder() throws {
        let sources = repositoryRoot.appendingPathComponent("Sources")
        let folders = [("SwiftDBT/Resources/macros", nil), ("SQLiteAdapter/macros", "sqlite"), ("PostgresAdapter/macros", "postgres")]
        let definition = try NSRegularExpression(pattern: #"\{%-?\s*macro\s+(\w+)"#)
        for (folder, adapter) in folders {
            let path = sources.appendingPathComponent(folder).path
            for file in try FileManager.default.contentsOfDirectory(atPath: path) where file.hasSuffix(".sql") {
                let text = try String(contentsOfFile: path + "/" + file, encoding: .utf8)
                let names = definition.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
                    Range($0.range(at: 1), in: text).map { String(text[$0]) }
                }
                for name in names {
                    if let adapter {
                        XCTAssertTrue(name.hasPrefix(adapter + "__"), "\(folder)/\(file): \(name)")
                    } else {
                        XCTAssertFalse(name.hasPrefix("sqlite__") || name.hasPrefix("postgres__"), "\(folder)/\(file): \(name)")
                    }
                }
            }
        }
    }
}
