import Foundation
import TestSupport
import XCTest
@testable import PostgresAdapter
@testable import SwiftDBT

/// Schema, table and column names with double quotes, backticks, brackets and a backslash are quoted
/// everywhere on PostgreSQL too, including the lookups a second run makes (fixture `execution/schema_names`).
final class IdentifierQuotingTests: XCTestCase {
    func testOddNamesBuildTwiceAndReadBack() throws {
        let environment = try requirePostgres()
        let (root, schema) = try projectWithBothTargets("execution/schema_names", profile: "schema_names")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        for batch in [1, 2] {
            let run = try runCLI(["build", "--target", "postgres", "--profiles-dir", root, "--vars", "batch: \(batch)"],
                                 in: root, environment: environment)
            XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
            XCTAssert(run.stdout.contains("Done. PASS=5 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=5"), run.stdout)
            XCTAssertEqual(run.stderr, "", "no server notices (\"schema ... already exists, skipping\") on standard error")
        }
        let loaded = try load(root, target: "postgres", environment: environment)
        let connection = try connect(loaded)
        let models = "\(schema)_s\"q`[x]\\"
        func rows(_ schema: String, _ table: String, _ columns: String) throws -> [[DatabaseValue]] {
            let relation = PostgresDialect().render(RelationName(database: nil, schema: schema, identifier: table))
            return try connection.query("select \(columns) from \(relation) order by 1", limit: nil).rows
        }
        XCTAssertEqual(try rows(models, "v\"i`e[w]", "id, \"c\"\"ol\", \"[batch]\""), [[.integer(1), .text("one"), .integer(2)]])
        XCTAssertEqual(try rows(models, "i\"n`c[r]", "id, \"v\"\"al\""),
                       [[.integer(1), .text("one 2")], [.integer(2), .text("batch row")], [.integer(3), .text("batch row")]])
        XCTAssertEqual(try rows(models, "from_source", "n"), [[.integer(2)]], "the seed read as a source")
        XCTAssertEqual(try rows("\(schema)_s\"q`[x]", "s\"e`e[d]", "id, \"odd`name[1]\""),
                       [[.integer(1), .text("a")], [.integer(2), .text("b")]])
    }
}
