import XCTest
@testable import SwiftDBT

/// Adjacency, walks, ordering, cycles and the manifest maps of `ProjectGraph`.
final class ProjectGraphTests: XCTestCase {
    private func model(_ name: String, _ parents: String...) -> GraphNode {
        GraphNode(uniqueID: "model.p.\(name)", name: name, resourceType: .model, packageName: "p",
                  fqn: ["p", name], originalFilePath: "models/\(name).sql",
                  dependsOn: parents.map { "model.p.\($0)" })
    }

    private func ids(_ graph: ProjectGraph, _ indices: some Sequence<Int>) -> [String] {
        indices.map { graph.nodes[$0].name }
    }

    func testParentsAndChildrenIgnoreUnknownAndRepeatedDependencies() {
        let graph = ProjectGraph(nodes: [model("b", "a", "a", "ghost"), model("a"), model("c", "b", "a")])
        XCTAssertEqual(graph.nodes.map(\.name), ["a", "b", "c"])
        let b = graph.index(of: "model.p.b") ?? -1
        XCTAssertEqual(ids(graph, graph.parents(of: b)), ["a"])
        XCTAssertEqual(ids(graph, graph.children(of: b)), ["c"])
        XCTAssertEqual(graph.unknownDependencies.map(\.dependency), ["model.p.ghost"])
        XCTAssertEqual(graph.unknownDependencies.map(\.dependent), ["model.p.b"])
        XCTAssertNil(graph.index(of: "model.p.ghost"))
    }

    func testRepeatedUniqueIDsKeepTheFirstNode() {
        var second = model("a", "b")
        second.name = "second"
        let graph = ProjectGraph(nodes: [model("a"), second, model("b")])
        XCTAssertEqual(graph.nodes.map(\.name), ["a", "b"])
        XCTAssertEqual(graph.parentMap["model.p.a"], [])
    }

    func testAncestorsAndDescendantsWithDepth() {
        let graph = ProjectGraph(nodes: [model("a"), model("b", "a"), model("c", "b"), model("d", "c"),
                                         model("e", "a")])
        let c = graph.nodeSet(["model.p.c"])
        XCTAssertEqual(ids(graph, graph.ancestors(of: c)), ["a", "b"])
        XCTAssertEqual(ids(graph, graph.ancestors(of: c, depth: 1)), ["b"])
        XCTAssertEqual(ids(graph, graph.ancestors(of: c, depth: 0)), [])
        let a = graph.nodeSet(["model.p.a"])
        XCTAssertEqual(ids(graph, graph.descendants(of: a)), ["b", "c", "d", "e"])
        XCTAssertEqual(ids(graph, graph.descendants(of: a, depth: 2)), ["b", "c", "e"])
        XCTAssertEqual(ids(graph, graph.descendants(of: graph.nodeSet(["model.p.a", "model.p.c"]), depth: 1)),
                       ["b", "d", "e"])
    }

    func testTopologicalOrderBreaksTiesByUniqueID() throws {
        let graph = ProjectGraph(nodes: [model("z"), model("m", "z"), model("b", "z"), model("a", "m", "b"),
                                         model("c")])
        XCTAssertEqual(ids(graph, try graph.topologicalOrder()), ["c", "z", "b", "m", "a"])
    }

    func testCycleIsReportedWhole() {
        let graph = ProjectGraph(nodes: [model("x"), model("c", "b"), model("a", "c", "x"), model("b", "a"),
                                         model("d", "a")])
        XCTAssertThrowsError(try graph.topologicalOrder()) { error in
            XCTAssertEqual((error as? DBTError)?.kind, .project)
            XCTAssertEqual((error as? DBTError)?.message,
                           "Found a cycle: model.p.a -> model.p.b -> model.p.c -> model.p.a")
        }
        XCTAssertThrowsError(try ProjectGraph(nodes: [model("s", "s")]).topologicalOrder()) { error in
            XCTAssertEqual((error as? DBTError)?.message, "Found a cycle: model.p.s -> model.p.s")
        }
    }

    func testParentAndChildMapsHaveEveryNodeSorted() {
        let graph = ProjectGraph(nodes: [model("c", "b", "a"), model("a"), model("b", "a"), model("lonely")])
        XCTAssertEqual(graph.parentMap, [
            "model.p.a": [], "model.p.b": ["model.p.a"], "model.p.c": ["model.p.a", "model.p.b"],
            "model.p.lonely": [],
        ])
        XCTAssertEqual(graph.childMap, [
            "model.p.a": ["model.p.b", "model.p.c"], "model.p.b": ["model.p.c"], "model.p.c": [],
            "model.p.lonely": [],
        ])
    }

    func testNodeSetOperations() {
        var set = NodeSet(capacity: 130, [0, 64, 129])
        XCTAssertEqual(Array(set), [0, 64, 129])
        XCTAssertEqual(set.count, 3)
        XCTAssertFalse(set.insert(64))
        set.subtract(NodeSet(capacity: 130, [64]))
        XCTAssertEqual(Array(set.union(NodeSet(capacity: 130, [1]))), [0, 1, 129])
        XCTAssertEqual(Array(set.intersection(NodeSet(capacity: 130, [129, 5]))), [129])
        XCTAssertTrue(NodeSet(capacity: 0).isEmpty)
    }
}
