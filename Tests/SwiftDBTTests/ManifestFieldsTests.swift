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
/// `{sql, transaction, index}`, its `config.contract` is `{enforced, alias_types}` (merged over levels) and so is its
/// `contract`, dbt's `current_timestamp_backcompat` compiles, a unit test's config is rendered, an analysis's
/// `config.materialized` is `view` (which `ls --select config.materialized:view` sees, listing analyses only when
/// `--resource-type` names them), and a source's `loaded_at_field`/`loaded_at_query` are in its config and beside it.
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
            let unsetContract: [String: Any] = ["enforced": false, "alias_types": true]
            XCTAssertEqual(json((node["config"] as? [String: Any])?["contract"] ?? unsetContract), json(recorded["config.contract"]),
                           "\(uniqueID) config.contract")
            let contract = (node["contract"] as? [String: Any])?.filter { $0.key != "checksum" }
            XCTAssertEqual(json(contract), json(recorded["contract"]), "\(uniqueID) contract")
        }
        let analyses = try XCTUnwrap(reference["analyses"] as? [String: [String: Any]])
        XCTAssertEqual(Set(nodes.filter { $0.value["resource_type"] as? String == "analysis" }.keys), Set(analyses.keys))
        for (uniqueID, recorded) in analyses {
            let config = try XCTUnwrap(nodes[uniqueID]?["config"] as? [String: Any], uniqueID)
            XCTAssertEqual(config["materialized"] as? String, recorded["materialized"] as? String, uniqueID)
        }
        let sources = try XCTUnwrap(reference["sources"] as? [String: [String: Any]])
        let writtenSources = try XCTUnwrap((manifest as? [String: Any])?["sources"] as? [String: [String: Any]])
        XCTAssertEqual(Set(writtenSources.keys), Set(sources.keys))
        for (uniqueID, recorded) in sources {
            let source = try XCTUnwrap(writtenSources[uniqueID], uniqueID)
            let config = source["config"] as? [String: Any]
            for field in ["loaded_at_field", "loaded_at_query"] {
                XCTAssertEqual(json(source[field] ?? "<absent>"), json(recorded[field]), "\(uniqueID) \(field)")
                // swiftdbt leaves unset config keys out; dbt writes them null.
                XCTAssertEqual(json(config?[field] ?? NSNull()), json(recorded["config." + field]), "\(uniqueID) config.\(field)")
            }
        }
        let unitTests = try XCTUnwrap(reference["unit_tests"] as? [String: [String: Any]])
        let writtenUnitTests = try XCTUnwrap((manifest as? [String: Any])?["unit_tests"] as? [String: [String: Any]])
        for (uniqueID, recorded) in unitTests {
            XCTAssertEqual(json((writtenUnitTests[uniqueID]?["config"] as? [String: Any])?["tags"]), json(recorded["tags"]), uniqueID)
        }
        // An analysis is materialized `view` for selection too, and `ls` lists analyses only when asked for them.
        let listed = try XCTUnwrap(reference["ls_materialized_view"] as? [String: [String]])
        for (name, types) in [("default", []), ("analysis_and_model", ["--resource-type", "analysis", "--resource-type", "model"])] {
            let ls = try runCLI(["ls", "--quiet", "--output", "name", "--select", "config.materialized:view"] + types, in: root,
                                environment: isolatedEnvironment())
            XCTAssertEqual(ls.code, 0, ls.stdout + ls.stderr)
            XCTAssertEqual(ls.stdout.split(separator: "\n").map(String.init), listed[name], name)
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
