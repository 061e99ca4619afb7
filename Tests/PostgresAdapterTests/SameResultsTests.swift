import XCTest
@testable import SwiftDBT

/// The same project built on SQLite and on PostgreSQL gives the same tables, model by model.
final class SameResultsTests: XCTestCase {
    func testJaffleShopBuildsTheSameOnBothAdapters() throws {
        let environment = try requirePostgres()
        let (root, _) = try projectWithBothTargets("jaffle_shop", profile: "jaffle_shop")
        let onSQLite = try load(root, target: "sqlite", environment: environment)
        let onPostgres = try load(root, target: "postgres", environment: environment)
        let (sqliteResults, sqlite) = try build(onSQLite)
        let (postgresResults, postgres) = try build(onPostgres)
        XCTAssertEqual(sqliteResults.filter(\.isFailure).map(\.message), [])
        XCTAssertEqual(postgresResults.filter(\.isFailure).map(\.message), [])
        XCTAssertEqual(postgresResults.count, 24)
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
