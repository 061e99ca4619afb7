import Foundation
import XCTest
@testable import SwiftDBT

/// A project named after a config key (fixture `config_key_project`, named `grants`): under `models:`, the key
/// `grants:` is the project's scope, and a key without `+` whose value is a mapping is a folder, never a config.
final class ConfigKeyProjectTests: XCTestCase {
    /// `config.get('grants')` and `config.get('meta')` as dbt-core 1.10 compiles them
    /// (recorded by scripts/record-config-key-project.py).
    func testConfigGetAsDbtCompilesIt() throws {
        let root = try copyFixture("config_key_project")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let expected = try JSONDecoder().decode([String: String].self,
                                                from: Data(contentsOf: URL(fileURLWithPath: root + "/expected-compiled.json")))
        let loaded = try loadProject(root)
        let compiler = Compiler(session: loaded.session, manifest: loaded.manifest)
        for (name, sql) in expected {
            let node = try XCTUnwrap(loaded.manifest.node("model.grants.\(name)"), name)
            XCTAssertEqual(try compiler.compile(node), sql, name)
        }
        XCTAssertEqual(expected.count, 1)
    }
}
