import XCTest
@testable import PostgresAdapter
@testable import SwiftDBT

/// A profile's `search_path` reaches the server whole, spaces included (libpq splits its options at spaces).
final class SearchPathTests: XCTestCase {
    func testASearchPathWithSpacesIsSetAsWritten() throws {
        let environment = try requirePostgres()
        let fields: [(key: String, value: ConfigValue)] = [
            ("type", .string("postgres")), ("host", .string(environment["PGHOST"] ?? "")), ("port", .string(environment["PGPORT"] ?? "")),
            ("user", .string(environment["PGUSER"] ?? "postgres")), ("password", .string(environment["PGPASSWORD"] ?? "")),
            ("dbname", .string(environment["PGDATABASE"] ?? "postgres")), ("search_path", .string("public, pg_catalog")),
        ]
        let target = Target(name: "dev", profileName: "p", type: "postgres", schema: "public", database: "", threads: 1, fields: fields)
        let connection = try PostgresAdapterFactory().connect(target, projectRoot: ".")
        XCTAssertEqual(try connection.query("show search_path", limit: nil).rows, [[.text("public, pg_catalog")]])
    }
}
