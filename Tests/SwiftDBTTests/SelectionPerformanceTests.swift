import XCTest
@testable import SwiftDBT

/// Selection on a 100,000-node graph stays linear: a quadratic walk would take minutes here.
final class SelectionPerformanceTests: XCTestCase {
    private static let size = 100_000

    /// A chain m0 <- m1 <- ... with a side branch every 1,000 nodes; every tenth node is tagged `x`.
    private static let graph: ProjectGraph = {
        let nodes = (0..<size).map { index in
            var parents = index == 0 ? [] : [id(index - 1)]
            if index % 1_000 == 1 && index > 1_000 { parents.append(id(index - 1_000)) }
            return GraphNode(uniqueID: id(index), name: name(index), resourceType: .model, packageName: "big",
                             fqn: ["big", "chain", name(index)], originalFilePath: "models/chain/\(name(index)).sql",
                             tags: index % 10 == 0 ? ["x"] : [], dependsOn: parents)
        }
        return ProjectGraph(nodes: nodes)
    }()

    private static func name(_ index: Int) -> String { "m\(index)" }
    private static func id(_ index: Int) -> String { "model.big.\(name(index))" }

    func testSelectionsOnALargeGraph() throws {
        let graph = Self.graph
        let start = ContinuousClock.now
        let cases: [(String, Int)] = [
            ("+m\(Self.size - 1)", Self.size), ("m0+", Self.size), ("tag:x", Self.size / 10),
            ("@m\(Self.size / 2)", Self.size), ("3+m\(Self.size / 2)+2", 7),
        ]
        for (criterion, expected) in cases {
            let selection = try SelectionSpec.parse(select: [criterion]).evaluate(on: graph)
            XCTAssertEqual(selection.members.count, expected, criterion)
        }
        XCTAssertEqual(try graph.topologicalOrder().count, Self.size)
        let elapsed = ContinuousClock.now - start
        XCTAssertLessThan(elapsed, .seconds(20), "selection took \(elapsed)")
    }
}
