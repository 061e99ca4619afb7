import TestSupport
import XCTest
@testable import SwiftDBT

/// The same project built on SQLite and on PostgreSQL gives the same tables, model by model.
final class SameResultsTests: XCTestCase {
    func testJaffleShopBuildsTheSameOnBothAdapters() throws {
        let (root, _) = try projectWithBothTargets("jaffle_shop", profile: "jaffle_shop")
        try assertSameResults(root, nodes: 24)
    }

    func testTheAttributionProjectBuildsTheSameOnBothAdapters() throws {
        let files = ["dbt_project.yml", "models", "seeds", "macros", "data-tests"].map { repositoryRoot.appendingPathComponent($0) }
        let (root, _) = try projectWithBothTargets(copying: files, profile: "attribution")
        try assertSameResults(root, nodes: nil)
    }

    /// Two runs of the incremental models (`batch` 1, then 2): append, delete+insert, and merge (PostgreSQL's
    /// `MERGE`; an update plus an insert on SQLite) leave the same tables on both.
    func testIncrementalStrategiesGiveTheSameTablesOnBothAdapters() throws {
        let environment = try requirePostgres()
        let (root, _) = try projectWithBothTargets(copying: [fixtures.appendingPathComponent("execution/materializations")],
                                                   profile: "materializations")
        let models = ["appended", "by_id", "by_id_and_part", "by_id_part_a", "merged", "merged_names"]
        for target in ["sqlite", "postgres"] {
            for batch in [1, 2] {
                let run = try runCLI(["run", "--target", target, "--profiles-dir", root, "--vars", "{batch: \(batch)}", "--select"] + models,
                                     in: root, environment: environment)
                XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
            }
        }
        let onSQLite = try load(root, target: "sqlite", environment: environment)
        let onPostgres = try load(root, target: "postgres", environment: environment)
        try assertSameTables(onSQLite, onPostgres, connect(onSQLite), connect(onPostgres)) { models.contains($0.name) }
    }

    /// Builds `root` on both targets: every node passes, and every model and seed has the same
    /// row count and checksum on both.
    private func assertSameResults(_ root: String, nodes: Int?) throws {
        let environment = try requirePostgres()
        let onSQLite = try load(root, target: "sqlite", environment: environment)
        let onPostgres = try load(root, target: "postgres", environment: environment)
        let (sqliteResults, sqlite) = try build(onSQLite)
        let (postgresResults, postgres) = try build(onPostgres)
        XCTAssertEqual(sqliteResults.filter(\.isFailure).map(\.message), [])
        XCTAssertEqual(postgresResults.filter(\.isFailure).map(\.message), [])
        if let nodes { XCTAssertEqual(postgresResults.count, nodes) }
        try assertSameTables(onSQLite, onPostgres, sqlite, postgres) { [.model, .seed].contains($0.resourceType) }
    }

    /// Every node `compared` has the same row count and checksum on both databases.
    private func assertSameTables(_ onSQLite: LoadedProject, _ onPostgres: LoadedProject, _ sqlite: any DatabaseConnection,
                                  _ postgres: any DatabaseConnection, compared: (ProjectNode) -> Bool) throws {
        let nodes = onSQLite.manifest.nodes.filter(compared)
        XCTAssertFalse(nodes.isEmpty)
        for node in nodes {
            let sqliteRelation = try XCTUnwrap(node.relation.map(onSQLite.session.dialect.render))
            let postgresNode = try XCTUnwrap(onPostgres.manifest.node(node.uniqueID))
            let postgresRelation = try XCTUnwrap(postgresNode.relation.map(onPostgres.session.dialect.render))
            let left = try fingerprint(sqliteRelation, sqlite)
            let right = try fingerprint(postgresRelation, postgres)
            XCTAssertEqual(left.rows, right.rows, node.name)
            XCTAssertEqual(left.checksum, right.checksum, node.name)
        }
    }
}
