import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// `run_query` rows hold what dbt's agate tables hold (recorded with dbt-core by scripts/record-result-types.py from
/// the `execution/result_types` fixture): on PostgreSQL dates and timestamps are `datetime` objects (arithmetic,
/// comparison, `strftime`, microseconds), numbers numbers and booleans booleans; on SQLite, whose values are text,
/// they stay text, as dbt-sqlite's do.
final class ResultTypesTests: XCTestCase {
    private var root = ""
    private var environment: [String: String] = [:]

    override func setUpWithError() throws {
        environment = try requirePostgres()
        (root, _) = try projectWithBothTargets("execution/result_types", profile: "result_types")
    }

    override func tearDownWithError() throws {
        if !root.isEmpty { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
    }

    func testRowsHoldWhatDbtsAgateTablesHold() throws {
        try assertLogged(by: "result_types", as: "reference/result-types.json")
    }

    /// `timestamptz` values are aware datetimes in the session's zone (`tzinfo`, `%z`, comparison with pytz's UTC);
    /// `column_types` names agate's types, `Integer` for whole numbers and `Number` for the rest.
    func testZonedTimestampsAndColumnTypesAsDbtsAgateTables() throws {
        try assertLogged(by: "result_zones", as: "reference/result-zones.json")
    }

    /// Numbers in agate's Number columns are Python Decimals: PostgreSQL's `numeric` keeps its scale (`1.50`), floats
    /// are `Decimal(repr(f))` on both databases, whole numbers beside them too; they print, compute (scale-preserving
    /// sums and products, 28-digit quotients), compare and filter (`int`, `float`, `round`, `abs`, `sum`, `%`) as
    /// Python's decimals, through `run_query`, `load_result` and `adapter.execute`.
    func testNumbersAreDecimalsAsInDbtsAgateTables() throws {
        try assertLogged(by: "result_decimals", as: "reference/result-decimals.json")
    }

    /// agate's `Table.rename` (elementary's run_query lowercases column names with it): by a mapping and by a list,
    /// rows and column types kept, the table renamed unchanged.
    func testRenameAsDbtsAgateTables() throws {
        try assertLogged(by: "result_rename", as: "reference/result-rename.json")
    }

    /// On PostgreSQL `make_temp_relation` names a temporary table as dbt-postgres does: no schema or database, the
    /// time of day after the suffix (elementary creates its temporary tables with it); `make_intermediate_relation` and
    /// `make_backup_relation` stay in the schema.
    func testTemporaryRelationsAsDbtPostgresMakesThem() throws {
        try assertLogged(by: "temp_relations", as: "reference/temp-relations.json", targets: ["postgres"])
    }

    /// Runs `macro` on `targets` and checks the line it logs against dbt-core's recorded one.
    private func assertLogged(by macro: String, as reference: String, targets: [String] = ["postgres", "sqlite"],
                              file: StaticString = #filePath, line: UInt = #line) throws {
        let data = try Data(contentsOf: fixtures.appendingPathComponent(reference))
        let recorded = try JSONDecoder().decode([String: String].self, from: data)
        XCTAssertEqual(recorded.keys.sorted(), targets, file: file, line: line)
        for (target, expected) in recorded {
            let run = try runCLI(["run-operation", macro, "--target", target, "--profiles-dir", root], in: root,
                                 environment: environment)
            XCTAssertEqual(run.code, 0, run.stdout + run.stderr, file: file, line: line)
            let logged = run.stdout.split(separator: "\n").first { $0.contains("result types: ") }
            XCTAssertEqual(logged.map { String($0.split(separator: "result types: ", maxSplits: 1).last ?? "") }, expected, target,
                           file: file, line: line)
        }
    }
}
