import Foundation
import TestSupport
import XCTest

/// Fields of manifest.json as dbt-core 1.10 writes them (fixture `manifest_fields`, recorded by
/// scripts/record-manifest-fields.py): a generic test's `refs` and `sources` end with what it is attached to, its
/// `test_metadata.kwargs` hold `column_name` and `model`, a source's test has no `attached_node`, `depends_on.nodes`
/// come in dbt's order and `depends_on.macros` name `get_where_subquery` (not for dbt's own `unique` and `not_null`);
/// a seed's checksum hashes a leading byte order mark, and its config has its `delimiter`; a model's
/// `depends_on.macros` name the macros it calls through a package (`dbt.type_boolean()`) and `is_incremental`
/// (as a set: swiftdbt sorts them, dbt lists them as it meets them), its hooks are `pre-hook`/`post-hook` lists of
/// `{sql, transaction, index}`, dbt's `current_timestamp_backcompat` compiles, and a unit test's config is rendered.
final class ManifestFieldsTests: XCTestCase {
    func testGenericTestsAndSeedsAsDbtWritesThem() throws {
        let root = try copyFixture("manifest_fields")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let parse = try runCLI(["parse"], in: root, environment: isolatedEnvironment())
        XCTAssertEqual(parse.code, 0, parse.stdout + parse.stderr)
        let reference = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root + "/expected.json"))) as? [String: Any])
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root + "/target/manifest.json")))
        let nodes = try XCTUnwrap((manifest as? [String: Any])?["nodes"] as? [String: [String: Any]])
        func json(_ value: Any?) -> NSObject? { value.map { $0 as? NSObject ?? NSNull() } }

        let tests = try XCTUnwrap(reference["tests"] as? [String: [String: Any]])
        XCTAssertEqual(Set(nodes.filter { $0.value["resource_type"] as? String == "test" }.keys), Set(tests.keys))
        for (uniqueID, recorded) in tests {
            let node = try XCTUnwrap(nodes[uniqueID], uniqueID)
            for field in ["refs", "sources", "attached_node", "test_metadata", "depends_on"] {
                XCTAssertEqual(json(node[field]), json(recorded[field]), "\(uniqueID) \(field)")
            }
        }
        let seeds = try XCTUnwrap(reference["seeds"] as? [String: [String: Any]])
        for (uniqueID, recorded) in seeds {
            let node = try XCTUnwrap(nodes[uniqueID], uniqueID)
            XCTAssertEqual(json(node["checksum"]), json(recorded["checksum"]), uniqueID)
            XCTAssertEqual((node["config"] as? [String: Any])?["delimiter"] as? String, recorded["delimiter"] as? String, uniqueID)
        }
        let models = try XCTUnwrap(reference["models"] as? [String: [String: Any]])
        for (uniqueID, recorded) in models {
            let node = try XCTUnwrap(nodes[uniqueID], uniqueID)
            XCTAssertEqual(Set((node["depends_on"] as? [String: Any])?["macros"] as? [String] ?? []),
                           Set(recorded["macros"] as? [String] ?? []), uniqueID)
            for hooks in ["pre-hook", "post-hook"] {
                // swiftdbt leaves out what is not set; dbt writes it empty.
                XCTAssertEqual(json((node["config"] as? [String: Any])?[hooks] ?? []), json(recorded[hooks]), "\(uniqueID) \(hooks)")
            }
        }
        let unitTests = try XCTUnwrap(reference["unit_tests"] as? [String: [String: Any]])
        let writtenUnitTests = try XCTUnwrap((manifest as? [String: Any])?["unit_tests"] as? [String: [String: Any]])
        for (uniqueID, recorded) in unitTests {
            XCTAssertEqual(json((writtenUnitTests[uniqueID]?["config"] as? [String: Any])?["tags"]), json(recorded["tags"]), uniqueID)
        }
        let compile = try runCLI(["compile"], in: root, environment: isolatedEnvironment())
        XCTAssertEqual(compile.code, 0, compile.stdout + compile.stderr)
        let compiled = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root + "/target/manifest.json")))
        let compiledNodes = try XCTUnwrap((compiled as? [String: Any])?["nodes"] as? [String: [String: Any]])
        for (uniqueID, recorded) in models {
            XCTAssertEqual(compiledNodes[uniqueID]?["compiled_code"] as? String, recorded["compiled_code"] as? String, uniqueID)
        }
    }
}
