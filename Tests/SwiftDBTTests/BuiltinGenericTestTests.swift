import Foundation
import XCTest
import SQLiteAdapter
@testable import SwiftDBT

/// Built-in generic tests compiled without the template engine must give exactly the SQL the
/// built-in macros render: the same project is compiled as is, and with verbatim copies of the
/// macros in the project (which the engine then renders), and every test's SQL must agree.
final class BuiltinGenericTestTests: XCTestCase {
    func testNativeSQLEqualsTheMacros() throws {
        let native = try compiledTests(copyingBuiltinMacros: false)
        let engine = try compiledTests(copyingBuiltinMacros: true)
        XCTAssertEqual(native.unchanged, Set(BuiltinGenericTests.names))
        XCTAssertEqual(engine.unchanged, [])
        XCTAssertEqual(native.sql.count, 13)
        XCTAssertEqual(Set(native.sql.keys), Set(engine.sql.keys))
        for (id, sql) in native.sql {
            XCTAssertEqual(sql, engine.sql[id], id)
        }
    }

    private func compiledTests(copyingBuiltinMacros: Bool) throws -> (unchanged: Set<String>, sql: [String: String]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files: [String: String] = [
            "dbt_project.yml": "name: diff\nversion: '1.0'\nprofile: diff\n",
            "models/a.sql": "select 1 as id, 'x' as status, 1.5 as amount, 1 as b_id",
            "models/b.sql": "select * from {{ ref('a') }}",
            "models/schema.yml": """
                version: 2
                sources:
                  - name: raw
                    tables:
                      - name: events
                        columns:
                          - name: id
                            data_tests: [unique, not_null]
                models:
                  - name: a
                    columns:
                      - name: id
                        data_tests:
                          - unique
                          - not_null:
                              config:
                                where: "id > 0"
                          - accepted_values:
                              values: [1, 2]
                              quote: false
                          - relationships:
                              to: ref('b')
                              field: id
                      - name: status
                        data_tests:
                          - accepted_values:
                              values: ['x', "it's", 'y z']
                          - accepted_values:
                              arguments:
                                values: [1.5, true, 'w']
                                quote: true
                          - accepted_values:
                              values: []
                          - accepted_values:
                              values: 'xyz'
                      - name: amount
                        data_tests:
                          - accepted_values:
                              values: [[1, 2], 3]
                          - unique:
                              config:
                                where: "amount > 1"
                          - relationships:
                              to: source('raw', 'events')
                              field: id
                """,
        ]
        for (path, text) in files {
            let url = URL(fileURLWithPath: root).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        if copyingBuiltinMacros {
            let builtin = try BuiltinMacros.files(adapter: SQLiteAdapterFactory()).filter { $0.path.hasSuffix("generic_tests.sql") }
            XCTAssertEqual(builtin.count, 1)
            for file in builtin {
                try FileManager.default.createDirectory(atPath: root + "/macros", withIntermediateDirectories: true)
                try file.text.write(toFile: root + "/macros/generic_tests.sql", atomically: true, encoding: .utf8)
            }
        }
        let loaded = try loadProject(root)
        let compiler = Compiler(session: loaded.session, manifest: loaded.manifest)
        var sql: [String: String] = [:]
        for node in loaded.manifest.nodes where node.test != nil {
            sql[node.uniqueID] = try compiler.compile(node)
        }
        return (loaded.session.unchangedBuiltinTests, sql)
    }
}
