import XCTest
@testable import SQLiteAdapter

/// `swiftdbt seed` on a real SQLite file: inferred and declared column types, reloads, and a bad
/// file that fails its seed without touching the loaded table (fixture `execution/seeds`).
final class SeedExecutionTests: XCTestCase {
    private var project: ExecutionProject!

    override func setUpWithError() throws {
        project = try ExecutionProject("seeds")
        let seed = try project.run("seed")
        XCTAssertEqual(seed.code, 0, seed.all)
    }

    func testColumnTypesAreInferredAsDbtInfersThem() throws {
        XCTAssertEqual(try project.rows("select name, lower(type) from pragma_table_info('typed') order by cid"), [
            // dbt-sqlite's declarations (Tests/Fixtures/reference/seed-column-types.json); zip stays text on purpose.
            ["id", "int"], ["price", "real"], ["active", "int"], ["signed_up", "text"], ["zip", "text"], ["note", "text"],
        ])
        XCTAssertEqual(try project.rows("select id, price, active, signed_up, zip, note from typed order by id"), [
            [1, 9.5, 1, "2024-01-31", "00501", "first"],
            [2, 10.0, 0, "2024-02-29", "02134", nil],
            [3, 0.25, 1, "2024-03-01", "10001", "with, comma"],
        ], "leading zeros stay text; empty fields are NULL")
    }

    func testColumnTypesConfigOverridesInference() throws {
        XCTAssertEqual(try project.rows("select name, lower(type) from pragma_table_info('overridden') order by cid"), [["code", "text"], ["amount", "real"]])
        XCTAssertEqual(try project.rows("select code, amount from overridden order by code"), [["1", 7.0], ["2", 8.0]])
    }

    func testARerunReplacesTheRows() throws {
        try project.write("id,name\n7,eta\n", to: "seeds/replaced.csv")
        let rerun = try project.run("seed", "--select", "replaced")
        XCTAssertEqual(rerun.results, ["1 of 1 OK loaded seed file main.replaced ....................................... [INSERT 1 in Xs]"])
        XCTAssertEqual(try project.rows("select id, name from replaced"), [[7, "eta"]])
    }

    func testRowsPastOneInsertBatchAllLoadInOrder() throws {
        // 250 rows: two full batches of the multi-row insert and a shorter last one, on both load paths
        // (a new table, then the same columns reloaded in place).
        let rows = (1...250).map { "\($0),name \($0)" }
        try project.write("id,name\n" + rows.joined(separator: "\n") + "\n", to: "seeds/replaced.csv")
        for _ in 0..<2 {
            let load = try project.run("seed", "--select", "replaced")
            XCTAssertEqual(load.code, 0, load.all)
            XCTAssertEqual(try project.rows("select count(*), sum(id), min(name), max(id) from replaced"),
                           [[250, 31375, "name 1", 250]])
            XCTAssertEqual(try project.rows("select name from replaced where id = 173"), [["name 173"]])
        }
    }

    func testAnInsertFailingWhileRowsAreStillBeingReadFailsTheSeedAndKeepsTheOldTable() throws {
        // The table exists with the CSV's columns, so rows reload in place; its NOT NULL constraint rejects
        // row 150 while the reading thread is thousands of rows ahead and waiting for room.
        _ = try project.rows("drop table replaced")
        _ = try project.rows("create table replaced (id integer not null, name text)")
        _ = try project.rows("insert into replaced values (1, 'alpha'), (2, 'beta')")
        let rows = (1...20_000).map { $0 == 150 ? ",no id" : "\($0),name \($0)" }
        try project.write("id,name\n" + rows.joined(separator: "\n") + "\n", to: "seeds/replaced.csv")
        let broken = try project.run("seed", "--select", "replaced")
        XCTAssertEqual(broken.code, 1, broken.all)
        XCTAssert(broken.stdout.contains("NOT NULL constraint failed"), broken.stdout)
        XCTAssertEqual(try project.rows("select id, name from replaced order by id"), [[1, "alpha"], [2, "beta"]])
    }

    func testARaggedRowFailsItsSeedWithFileAndLineAndKeepsTheOldTable() throws {
        try project.write("id,name\n1,alpha\n2,beta,extra\n", to: "seeds/replaced.csv")
        let broken = try project.run("seed")
        XCTAssertEqual(broken.code, 1, broken.all)
        XCTAssertEqual(broken.results, [
            "1 of 4 OK loaded seed file main.overridden ..................................... [INSERT 2 in Xs]",
            "2 of 4 ERROR loading seed file main.replaced ................................... [ERROR in Xs]",
            "3 of 4 OK loaded seed file main.stamped ........................................ [INSERT 2 in Xs]",
            "4 of 4 OK loaded seed file main.typed .......................................... [INSERT 3 in Xs]",
        ])
        XCTAssert(broken.lines.contains("  Runtime Error in seed replaced (seeds/replaced.csv)"), broken.stdout)
        XCTAssert(broken.lines.contains("  seeds/replaced.csv:3:8: row has 3 fields, the header has 2"), broken.stdout)
        XCTAssertEqual(try project.rows("select id, name from replaced order by id"), [[1, "alpha"], [2, "beta"], [3, "gamma"]])
        XCTAssertEqual(Set(try project.relations().keys), ["overridden", "replaced", "stamped", "typed"])
    }
}
