import Foundation
import TestSupport
import XCTest

/// Conventions of large company warehouses (fixture `warehouse_conventions`, found on mattermost-data-warehouse):
/// a `generate_schema_name` override calling the global project's `generate_schema_name_for_env`, `tags:` and
/// `meta:` beside a source's and table's `config:`, tests inheriting their column's, table's and source's tags,
/// analyses whose fqn starts with `analysis`, and an installed package's var holding `{{ source(...) }}`
/// (rendered when read, as fivetran's packages need).
final class WarehouseConventionsTests: XCTestCase {
    /// One node's or source's fields compared, as scripts/record-warehouse-conventions.py records them.
    private struct Parsed: Decodable, Equatable {
        var schema: String
        var fqn: [String]
        var tags: [String]
        var meta: [String: MetaValue]
        var dependsOn: [String]

        enum CodingKeys: String, CodingKey {
            case schema, fqn, tags, meta
            case dependsOn = "depends_on"
        }
    }

    /// The fixture's meta values: text or a whole number.
    private enum MetaValue: Decodable, Equatable {
        case text(String), number(Int)

        init(from decoder: Decoder) throws {
            let value = try decoder.singleValueContainer()
            if let number = try? value.decode(Int.self) { self = .number(number) } else { self = .text(try value.decode(String.self)) }
        }
    }

    private struct Config: Decodable {
        var meta: [String: MetaValue]?
    }

    /// What scripts/record-warehouse-conventions.py records.
    private struct Expected: Decodable {
        var nodes: [String: [String: Parsed]]
        var unusedConfigPaths: [String]

        enum CodingKeys: String, CodingKey {
            case nodes
            case unusedConfigPaths = "unused_config_paths"
        }
    }

    /// Each node's schema, fqn, tags, config meta and depends_on nodes as dbt-core 1.10 parses them on the targets
    /// dev and prod, and the config paths its warning names as unused (an analysis is not a model there).
    func testParsedAsDbtParsesIt() throws {
        let root = try copyFixture("warehouse_conventions")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let expected = try JSONDecoder().decode(Expected.self,
                                                from: Data(contentsOf: URL(fileURLWithPath: root + "/expected-parse.json")))
        XCTAssertEqual(expected.nodes.keys.sorted(), ["dev", "prod"])
        XCTAssertEqual(expected.unusedConfigPaths.count, 2)
        for (target, nodes) in expected.nodes {
            let run = try runCLI(["parse", "--profiles-dir", root, "--target", target], in: root)
            XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
            let warning = run.stdout.components(separatedBy: "[WARNING]: Configuration paths exist in your dbt_project.yml file "
                                                + "which do not apply to any resources.\nThere are 2 unused configuration paths:\n")
            XCTAssertEqual(warning.count, 2, run.stdout)
            let listed = warning.last?.split(separator: "\n").prefix { $0.hasPrefix("- ") }.map { String($0.dropFirst(2)) }
            XCTAssertEqual(listed?.sorted(), expected.unusedConfigPaths, target)
            let data = try Data(contentsOf: URL(fileURLWithPath: root + "/target/manifest.json"))
            let parsed = try Self.parsed(data)
            XCTAssertEqual(parsed.keys.sorted(), nodes.keys.sorted(), target)
            for (id, node) in nodes {
                // depends_on as a set: dbt lists a model's sources before its refs, swiftdbt in the order written.
                var node = node
                node.dependsOn.sort()
                XCTAssertEqual(parsed[id], node, "\(target): \(id)")
            }
        }
    }

    /// The recorded fields of every node and source of a manifest (`meta` from the config).
    private static func parsed(_ data: Data) throws -> [String: Parsed] {
        struct Entry: Decodable {
            var schema: String
            var fqn: [String]
            var tags: [String]
            var config: Config
            var dependsOn: DependsOn?

            enum CodingKeys: String, CodingKey {
                case schema, fqn, tags, config
                case dependsOn = "depends_on"
            }
        }
        struct DependsOn: Decodable {
            var nodes: [String]
        }
        struct Whole: Decodable {
            var nodes: [String: Entry]
            var sources: [String: Entry]
        }
        let whole = try JSONDecoder().decode(Whole.self, from: data)
        return whole.nodes.merging(whole.sources) { a, _ in a }.mapValues {
            Parsed(schema: $0.schema, fqn: $0.fqn, tags: $0.tags, meta: $0.config.meta ?? [:], dependsOn: ($0.dependsOn?.nodes ?? []).sorted())
        }
    }
}
