import XCTest
@testable import PostgresAdapter
@testable import SwiftDBT

/// `--threads N` runs independent nodes at once on N connections; a node waits for its parents.
final class ParallelRunTests: XCTestCase {
    func testIndependentModelsOverlapAndTheirChildWaits() throws {
        let environment = try requirePostgres()
        let (root, _) = try projectWithBothTargets("wide", profile: "wide")
        let loaded = try load(root, target: "postgres", environment: environment)
        let factory = PostgresAdapterFactory()
        let target = loaded.session.target
        let runner = Runner(loaded: loaded, connection: try factory.connect(target, projectRoot: root), threads: 4,
                            connect: { try factory.connect(target, projectRoot: root) },
                            options: RunOptions(command: .build), reporter: SilentReporter())
        let results = try runner.run(loaded.manifest.nodes.map(\.uniqueID))
        XCTAssertEqual(results.filter { $0.status != .success }.map(\.message), [])
        let slow = results.filter { $0.uniqueID.contains("slow_") }
        XCTAssertEqual(slow.count, 6)
        let overlapping = slow.enumerated().flatMap { i, a in
            slow.dropFirst(i + 1).filter { b in a.startedAt < b.completedAt && b.startedAt < a.completedAt }
        }
        XCTAssertGreaterThanOrEqual(overlapping.count, 3, "with 4 threads the six slow models should run side by side")
        let joined = try XCTUnwrap(results.first { $0.uniqueID == "model.wide.joined" })
        let lastParent = try XCTUnwrap(slow.map(\.completedAt).max())
        XCTAssertGreaterThanOrEqual(joined.startedAt, lastParent, "a node starts only after all its parents finished")
    }
}
