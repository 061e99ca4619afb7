import Foundation
import TestSupport
import XCTest

/// A source's own `quoting:` (source level, a table's over it) under a project `quoting: schema: false` (fixture
/// `source_quoting`, recorded from dbt-core 1.10 by scripts/record-source-quoting.py): `{{ source() }}` has the
/// source's quoting over the adapter's default, the source's `relation_name` has it over the project's, and
/// manifest.json's `metadata.quoting` is the project's over the adapter's, on SQLite and PostgreSQL.
final class SourceQuotingTests: XCTestCase {
    func testSourceQuotingAsDbtAppliesIt() throws {
        let environment = try requirePostgres()
        let (root, schema) = try projectWithBothTargets("source_quoting", profile: "source_quoting")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let reference = try JSONSerialization.jsonObject(with: Data(contentsOf: fixtures.appendingPathComponent("source_quoting/expected.json")))
        for target in ["sqlite", "postgres"] {
            let names = target == "sqlite" ? ["<schema>": "main"]
                : ["<schema>": schema, "<database>": environment["PGDATABASE"] ?? "postgres"]
            func actual(_ text: String) -> String { names.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) } }
            let expected = try XCTUnwrap((reference as? [String: Any])?[target] as? [String: Any])
            let compile = try runCLI(["compile", "--target", target, "--profiles-dir", root], in: root, environment: environment)
            XCTAssertEqual(compile.code, 0, compile.stdout + compile.stderr)
            let manifest = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root + "/target/manifest.json"))) as? [String: Any])
            let metadata = try XCTUnwrap(manifest["metadata"] as? [String: Any])
            XCTAssertEqual(metadata["quoting"] as? NSDictionary, expected["metadata.quoting"] as? NSDictionary, target)
            let nodes = (manifest["nodes"] as? [String: [String: Any]] ?? [:]).merging(manifest["sources"] as? [String: [String: Any]] ?? [:]) { $1 }
            for (uniqueID, value) in expected where uniqueID != "metadata.quoting" {
                let recorded = try XCTUnwrap(value as? [String: String])
                let node = try XCTUnwrap(nodes[uniqueID], uniqueID)
                XCTAssertEqual(node["relation_name"] as? String, recorded["relation_name"].map { actual(stillQuoted($0, on: target)) }, "\(target) \(uniqueID)")
                guard let code = recorded["compiled_code"] else { continue }
                let lines = code.components(separatedBy: "\n")
                let compiled = (node["compiled_code"] as? String ?? "").components(separatedBy: "\n")
                XCTAssertEqual(compiled.count, lines.count, "\(target) \(uniqueID)")
                for (index, line) in lines.enumerated() where compiled.indices.contains(index) {
                    XCTAssertEqual(compiled[index], actual(expectedLine(line, on: target)), "\(target) \(uniqueID) line \(index)")
                }
            }
        }
    }

    /// What swiftdbt writes where dbt writes `text`: a mixed-case name stays quoted on PostgreSQL (bare, the server
    /// would read it in lowercase: another name).
    private func stillQuoted(_ text: String, on target: String) -> String {
        target == "postgres" ? text.replacingOccurrences(of: ".mixed_Case", with: ".\"mixed_Case\"") : text
    }

    /// A compiled line as swiftdbt writes it: as `stillQuoted`, and on SQLite the schema of a `source()` whose
    /// source does not set `schema:` quoted (dbt-sqlite's default leaves it bare; swiftdbt quotes it, README).
    private func expectedLine(_ line: String, on target: String) -> String {
        guard target == "sqlite" else { return stillQuoted(line, on: target) }
        let schemaUnset = ["inherits", "\"overrides\"", "\"plain\""]
        guard schemaUnset.contains(where: { line.hasSuffix("<schema>.\($0)") }) else { return line }
        return line.replacingOccurrences(of: "from <schema>.", with: "from \"<schema>\".")
    }
}
