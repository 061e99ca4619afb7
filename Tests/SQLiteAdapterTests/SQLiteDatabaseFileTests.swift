import SQLiteAdapter
import XCTest

final class SQLiteDatabaseFileTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try makeTemporaryDirectory(for: self)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func testAttachedDatabasesAreQueriedTogether() throws {
        let other = try SQLiteConnection.open(path: path("other's db.sqlite"))
        try other.execute("create table customers (id integer, name text); insert into customers values (1, 'Ada')")
        let main = try SQLiteConnection.open(path: path("main.sqlite"))
        try main.execute("create table orders (customer_id integer, amount real); insert into orders values (1, 9.5)")
        try main.attach(databaseAt: path("other's db.sqlite"), as: "raw data")
        let rows = try main.prepare("""
            select c.name, o.amount from orders o join "raw data".customers c on c.id = o.customer_id
            """).rows()
        XCTAssertEqual(rows, [["Ada", 9.5]])
        XCTAssertEqual(try main.prepare("select name from pragma_database_list order by seq").rows(),
                       [["main"], ["raw data"]])
        try main.detach("raw data")
        XCTAssertThrowsError(try main.prepare(#"select * from "raw data".customers"#))
    }

    func testWALModeIsSetAndPersists() throws {
        let connection = try SQLiteConnection.open(path: path("wal.sqlite"))
        XCTAssertEqual(try connection.journalMode(.wal), "wal")
        try connection.execute("create table t (x)")
        let another = try SQLiteConnection.open(path: path("wal.sqlite"))
        XCTAssertEqual(try another.prepare("pragma journal_mode").rows(), [["wal"]])
    }

    func testBusyTimeoutWaitsThenFails() throws {
        let writer = try SQLiteConnection.open(path: path("db.sqlite"))
        try writer.execute("create table t (x)")
        let other = try SQLiteConnection.open(path: path("db.sqlite"), busyTimeout: .milliseconds(200))
        try writer.execute("begin immediate")
        let start = ContinuousClock.now
        XCTAssertThrowsError(try other.execute("begin immediate")) {
            XCTAssertEqual(($0 as? SQLiteError)?.resultCode, 5)  // SQLITE_BUSY
        }
        XCTAssertGreaterThanOrEqual(ContinuousClock.now - start, .milliseconds(150))
        try writer.execute("commit")
    }
}
