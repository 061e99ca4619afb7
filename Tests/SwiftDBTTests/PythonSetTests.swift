import Foundation
import XCTest
@testable import SwiftDBT

/// dbt's `set()` gives a Python set: equal regardless of order, with membership, `length`, the set
/// methods and Python's printing (dbt-utils' `equality` test compares two column sets with `!=`).
/// Expected outputs recorded with Jinja2 and dbt-core's own `set` by scripts/record-python-sets.py.
final class PythonSetTests: XCTestCase {
    private struct Case: Decodable {
        let template: String
        let expected: String
    }

    func testSetsBehaveAsDbtsPythonSets() throws {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("reference/python-sets.json"))
        let cases = try JSONDecoder().decode([Case].self, from: data)
        XCTAssertEqual(cases.count, 9)
        let root = try copyFixture("execution/test_macro_config")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let loaded = try loadProject(root)
        let compiler = Compiler(session: loaded.session, manifest: loaded.manifest)
        for item in cases {
            XCTAssertEqual(try compiler.compileInline(item.template), item.expected, item.template)
        }
    }

    func testAddingAListIsAnError() throws {
        let root = try copyFixture("execution/test_macro_config")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let loaded = try loadProject(root)
        let compiler = Compiler(session: loaded.session, manifest: loaded.manifest)
        XCTAssertThrowsError(try compiler.compileInline("{% set s = set([1]) %}{% do s.add([2]) %}")) { error in
            XCTAssert("\(error)".contains("unhashable type: 'list'"), "\(error)")
        }
    }
}
