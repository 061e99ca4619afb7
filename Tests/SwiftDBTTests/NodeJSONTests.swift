import XCTest
@testable import SwiftDBT

/// The manifest writes node entries directly; they must be what `NodeValues.describe` gives.
final class NodeJSONTests: XCTestCase {
    func testNodeEntriesMatchTheDescribedValues() throws {
        for fixture in ["jaffle_shop", "features"] {
            let loaded = try loadProject(try copyFixture(fixture))
            var nodes = loaded.manifest.nodes + loaded.manifest.disabled
            XCTAssertFalse(nodes.isEmpty)
            // Fields the fixtures may leave empty.
            var extra = nodes[0]
            extra.columns = [.init(name: "a\"b", description: "line\nbreak\u{1}", dataType: "int", meta: .dict([("k", .list([.int(1), .null]))])),
                             .init(name: "é", description: "", dataType: nil, meta: .dict([]))]
            extra.refs = [.init(package: "p", name: "n", version: "2"), .init(package: nil, name: "m", version: nil)]
            extra.sources = [.init(source: "s", table: "t")]
            extra.macroCalls = ["macro.dbt.x"]
            extra.relation = nil
            extra.checksum = FileChecksum(name: "sha256", checksum: "ab\"c")
            extra.patchPath = "models/x.yml"
            extra.unrenderedConfig = NodeConfig([("materialized", .string("view")), ("tags", .list([.string("t")]))])
            extra.test = TestMetadata(name: "unique", namespace: "ns", kwargs: [("values", .list([.double(1.5), .bool(true)]))],
                                      columnName: nil, attachedNode: "model.x.y")
            nodes.append(extra)
            // A `docs` config and an enforced contract (entries the writer does not take from its shared bytes).
            var configured = extra
            configured.config = NodeConfig(extra.config.entries + [
                ("docs", .dict([("show", .bool(false)), ("node_color", .string("red"))])),
                ("contract", .dict([("enforced", .bool(true))])),
            ])
            nodes.append(configured)
            for node in nodes {
                for compiled in [nil, "select 1\n\t\"x\""] as [String?] {
                    var direct = ByteBuffer()
                    NodeJSON.write(node, compiledCode: compiled, session: loaded.session,
                                   shared: NodeJSON.Shared(loaded.session), into: &direct)
                    let expected = JSONWriter.string(NodeValues.describe(node, compiledCode: compiled, session: loaded.session))
                    XCTAssertEqual(direct.string, expected, node.uniqueID)
                }
            }
        }
    }
}
