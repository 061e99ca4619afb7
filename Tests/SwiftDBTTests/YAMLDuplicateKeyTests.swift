import Foundation
import SQLiteAdapter
import TestSupport
import XCTest
@testable import SwiftDBT

/// A key written twice in a mapping keeps its first place and its last value, as PyYAML (dbt's YAML reader) keeps
/// it, in documents the fast reader leaves to libYAML's events too (anchors, flow mappings, block scalars), with a
/// warning naming both places. Values and duplicate places recorded with dbt-core's `checked_load` by
/// scripts/record-yaml-duplicates.py.
final class YAMLDuplicateKeyTests: XCTestCase {
    private struct Case: Decodable {
        let document: String
        let value: String
        let duplicates: [[Int]]
    }

    func testDuplicateKeysAsDbtReadsThem() throws {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("reference/yaml-duplicates.json"))
        let cases = try JSONDecoder().decode([Case].self, from: data)
        XCTAssertEqual(cases.count, 8)
        for item in cases {
            XCTAssertNil(YAMLFastReader.read(item.document, path: "f.yml"), "the composer reads this one:\n\(item.document)")
            var warnings: [String] = []
            let node = try YAMLNode.parse(item.document, path: "f.yml", warnings: &warnings)
            XCTAssertEqual(node.map { json($0.value) }, item.value, item.document)
            let (_, duplicates) = try YAMLComposer.compose(item.document, path: "f.yml")
            XCTAssertEqual(duplicates.map { [$0.second.line, $0.second.column] }.sorted { $0.lexicographicallyPrecedes($1) },
                           item.duplicates, item.document)
            XCTAssertEqual(warnings, duplicates.map(\.warning))
        }
    }

    func testTheWarningNamesBothPlaces() throws {
        var warnings: [String] = []
        let node = try YAMLNode.parse("{a: 1, b: 2,\n a: 3}\n", path: "f.yml", warnings: &warnings)
        XCTAssertEqual(node?.value, .dict([("a", .int(3)), ("b", .int(2))]))
        XCTAssertEqual(warnings, ["[WARNING]: f.yml:2:2: duplicate key 'a' (first at line 1): the value at line 2 is used, "
                                  + "as dbt's YAML reader does"])
    }

    /// dbt_project.yml (warned, as dbt warns), profiles.yml and fromyaml() (the last value, silently, as dbt) all
    /// read documents with anchors and repeated keys.
    func testEveryFileKeepsTheLastValue() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-yamldup-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/models", withIntermediateDirectories: true)
        try """
            name: dup
            profile: dup
            vars: &v
              colour: red
              colour: blue
            models:
              dup:
                +materialized: view
                +materialized: table
            """.write(toFile: root + "/dbt_project.yml", atomically: true, encoding: .utf8)
        try """
            dup:
              target: one
              outputs: &o
                one: {type: sqlite, threads: 1, database: first.sqlite, schema: main}
                one: {type: sqlite, threads: 1, database: second.sqlite, schema: main}
            """.write(toFile: root + "/profiles.yml", atomically: true, encoding: .utf8)
        try """
            {% set d = fromyaml("{k: 1, k: 2}") %}
            select '{{ var('colour') }}' as colour, {{ d['k'] }} as k
            """.write(toFile: root + "/models/m.sql", atomically: true, encoding: .utf8)
        let lines = LogLines()
        var adapters = AdapterRegistry()
        adapters.register(SQLiteAdapterFactory())
        let loaded = try ProjectLoader.load(LoadOptions(projectDirectory: root, profilesDirectory: root,
                                                        environment: isolatedEnvironment(), log: { lines.append($0) }),
                                            adapters: adapters)
        XCTAssertEqual(lines.all.filter { $0.contains("duplicate key") }.sorted(), [
            "[WARNING]: \(root)/dbt_project.yml:5:3: duplicate key 'colour' (first at line 4): the value at line 5 is used, "
                + "as dbt's YAML reader does",
            "[WARNING]: \(root)/dbt_project.yml:9:5: duplicate key '+materialized' (first at line 8): the value at line 9 is used, "
                + "as dbt's YAML reader does",
        ])
        XCTAssertEqual(loaded.manifest.nodes.first?.config.materialized, "table")
        XCTAssertTrue(loaded.session.target.database.hasSuffix("second.sqlite"), loaded.session.target.database)
        let compiler = Compiler(session: loaded.session, manifest: loaded.manifest)
        XCTAssertEqual(try compiler.compileInline("{{ ref('m') }}|{{ var('colour') }}|{{ fromyaml('{k: 1, k: 2}')['k'] }}")
                        .split(separator: "|").dropFirst(), ["blue", "2"])
    }

    /// Compact JSON as Python's `json.dumps(value, separators=(",", ":"), ensure_ascii=False)` writes it.
    private func json(_ value: ConfigValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s): return quoted(s)
        case .list(let items): return "[" + items.map(json).joined(separator: ",") + "]"
        case .dict(let pairs): return "{" + pairs.map { quoted($0.key) + ":" + json($0.value) }.joined(separator: ",") + "}"
        default: return "?"
        }
    }

    private func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
