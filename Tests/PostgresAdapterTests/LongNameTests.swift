import Foundation
import TestSupport
import XCTest
@testable import PostgresAdapter
@testable import SwiftDBT

/// Names near PostgreSQL's 63-byte limit build again and again: the temporary and backup names are
/// shortened to fit rather than cut by the server into one name. Longer names fail the node, as in
/// dbt-postgres (fixture `execution/long_names`).
final class LongNameTests: XCTestCase {
    func testNamesUpToTheLimitRebuildAndLongerOnesFail() throws {
        let environment = try requirePostgres()
        let (root, _) = try projectWithBothTargets("execution/long_names", profile: "long_names")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        for batch in [1, 2, 3] {
            let run = try runCLI(["build", "--target", "postgres", "--profiles-dir", root, "--vars", "batch: \(batch)"],
                                 in: root, environment: environment)
            XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
            XCTAssert(run.stdout.contains("Done. PASS=3 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=3"), run.stdout)
        }
        let tooLong = "model_" + String(repeating: "m", count: 58)
        try "select 1 as id".write(toFile: root + "/models/\(tooLong).sql", atomically: true, encoding: .utf8)
        let run = try runCLI(["run", "--target", "postgres", "--profiles-dir", root, "--select", tooLong], in: root, environment: environment)
        XCTAssertEqual(run.code, 1, run.stdout + run.stderr)
        XCTAssert(run.stdout.contains("the name '\(tooLong)' is 64 bytes long; postgres keeps only 63"), run.stdout)
    }

    func testSuffixedNamesAreShortenedOnCharacterBoundaries() {
        let dialect = PostgresDialect()
        let name = String(repeating: "é", count: 30) + "x"  // 61 bytes
        let temporary = dialect.suffixed(RelationName(database: nil, schema: "s", identifier: name), "__dbt_tmp")
        XCTAssertEqual(temporary.identifier, String(repeating: "é", count: 27) + "__dbt_tmp")
        XCTAssertEqual(temporary.identifier.utf8.count, 63)
        XCTAssertEqual(dialect.suffixed(RelationName(database: nil, schema: "s", identifier: "short"), "__dbt_backup").identifier,
                       "short__dbt_backup")
        XCTAssertEqual(Unlimited().suffixed(RelationName(database: nil, schema: nil, identifier: name), "__dbt_tmp").identifier,
                       name + "__dbt_tmp", "no limit, no shortening")
    }
}

/// A dialect with no name limit (as SQLite has none).
private struct Unlimited: Dialect {
    var type: String { "unlimited" }
    var includesDatabase: Bool { false }
}
