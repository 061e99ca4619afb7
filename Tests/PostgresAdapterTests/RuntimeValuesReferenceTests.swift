import Foundation
import XCTest
@testable import SwiftDBT

/// Relations and columns in templates give what dbt-postgres' and dbt-sqlite's own classes give:
/// the cases and their outputs are recorded from dbt-adapters by scripts/record-runtime-reference.py.
/// Nothing here connects (no server needed): loading a target does not open a connection.
final class RuntimeValuesReferenceTests: XCTestCase {
    private struct Case: Decodable {
        let adapter: String
        let template: String
        let expected: String?
        let error: Bool?
    }

    func testRelationsAndColumnsRenderAsDbtAdaptersDo() throws {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("reference/runtime-values.json"))
        let cases = try JSONDecoder().decode([Case].self, from: data)
        XCTAssertEqual(cases.count, 34)
        let (root, _) = try projectWithBothTargets("execution/runtime", profile: "runtime")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let environment = ["PGHOST": "localhost"]
        for adapter in ["postgres", "sqlite"] {
            let loaded = try load(root, target: adapter, environment: environment)
            let compiler = Compiler(session: loaded.session, manifest: loaded.manifest)
            let database = adapter == "postgres" ? "db" : "main"
            let prefix = "{% set r = api.Relation.create(database='\(database)', schema='analytics', identifier='orders', type='table') %}"
            for item in cases where item.adapter == adapter {
                do {
                    let output = try compiler.compileInline(prefix + item.template)
                    XCTAssertEqual(output, item.expected, "\(adapter): \(item.template)")
                } catch {
                    XCTAssertEqual(item.error, true, "\(adapter): \(item.template) failed: \(error)")
                }
            }
        }
    }
}
