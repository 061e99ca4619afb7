import SQLiteAdapter
import XCTest

final class SQLiteTransactionTests: XCTestCase {
    private struct Failure: Error {}
    private var connection: SQLiteConnection!

    override func setUpWithError() throws {
        let directory = try makeTemporaryDirectory(for: self)
        connection = try SQLiteConnection.open(path: directory.appendingPathComponent("db.sqlite").path)
        try connection.execute("create table t (v integer); insert into t values (1)")
    }

    private func values() throws -> [[SQLiteValue]] {
        try connection.prepare("select v from t order by v").rows()
    }

    func testCommitKeepsChangesAndReturnsTheBodysValue() throws {
        let count = try connection.transaction {
            try connection.execute("insert into t values (2)")
            return try connection.prepare("select count(*) from t").rows()
        }
        XCTAssertEqual(count, [[2]])
        XCTAssertEqual(try values(), [[1], [2]])
    }

    func testThrowingRollsBackAndRethrows() throws {
        XCTAssertThrowsError(try connection.transaction {
            try connection.execute("insert into t values (2); update t set v = 10")
            throw Failure()
        }) { XCTAssertTrue($0 is Failure) }
        XCTAssertEqual(try values(), [[1]])
        // The connection is usable, out of any transaction.
        try connection.transaction { try connection.execute("insert into t values (3)") }
        XCTAssertEqual(try values(), [[1], [3]])
    }

    func testSavepointsNest() throws {
        try connection.transaction {
            try connection.execute("insert into t values (2)")
            XCTAssertThrowsError(try connection.savepoint {
                try connection.execute("insert into t values (3)")
                try connection.savepoint { try connection.execute("insert into t values (4)") }
                throw Failure()
            })
            try connection.savepoint { try connection.execute("insert into t values (5)") }
        }
        XCTAssertEqual(try values(), [[1], [2], [5]])
    }
}
