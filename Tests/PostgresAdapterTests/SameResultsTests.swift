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
        for node in onSQLite.manifest.nodes where [.model, .seed].contains(node.resourceType) {
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
