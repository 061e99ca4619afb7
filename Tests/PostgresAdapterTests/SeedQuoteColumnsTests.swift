import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// `quote_columns: false` on a seed (fixture `execution/seed_quote_columns`): dbt writes the CSV header's
/// names unquoted, so PostgreSQL folds them to lowercase and models read them unquoted. The expected
/// names are the server's own: a table created with the same names unquoted. The fixture's templated
/// `column_types` in a property file is rendered, as dbt renders property files at every depth.
final class SeedQuoteColumnsTests: XCTestCase {
    private let header = ["ID", "Mixed_Name", "lower_name", "Ünï_Code"]

    func testUnquotedSeedColumnsAreNamedAsTheDatabaseNamesUnquotedIdentifiers() throws {
        let environment = try requirePostgres()
        let (root, schema) = try projectWithBothTargets("execution/seed_quote_columns", profile: "seed_quote_columns")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        for target in ["postgres", "sqlite"] {
            let loaded = try load(root, target: target, environment: environment)
            let (results, connection) = try build(loaded)
            XCTAssertEqual(results.map(\.status), Array(repeating: .success, count: 3), "\(target): \(results.map(\.message))")
            let seedSchema = target == "postgres" ? schema : "main"
            func names(_ table: String) throws -> [String] {
                try connection.columns(of: RelationName(database: nil, schema: seedSchema, identifier: table)).map(\.name)
            }
            let expected: [String]
            if target == "postgres" {
                try connection.execute("create temporary table fold_probe (\(header.map { "\($0) int" }.joined(separator: ", ")))")
                let probe = try connection.query("select column_name from information_schema.columns where table_name = 'fold_probe' "
                                                 + "order by ordinal_position", limit: nil)
                expected = probe.rows.compactMap { row in if case .text(let name)? = row.first { name } else { nil } }
                XCTAssertEqual(expected, ["id", "mixed_name", "lower_name", "Ünï_code"], "PostgreSQL folds ASCII letters only")
            } else {
                expected = header
            }
            XCTAssertEqual(try names("folded"), expected, target)
            XCTAssertEqual(try names("kept"), ["ID", "Mixed_Name"], "\(target): quote_columns: true keeps the header's names")
            let kept = try connection.columns(of: RelationName(database: nil, schema: seedSchema, identifier: "kept"))
            XCTAssertEqual(kept.first?.type.lowercased(), target == "postgres" ? "bigint" : "int8",
                           "\(target): a templated column_types value in a property file is rendered")
        }
    }
}
