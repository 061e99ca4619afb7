import Foundation
import SQLiteAdapter
import XCTest

final class SQLiteConnectionTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try makeTemporaryDirectory(for: self)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func testOpenCreatesTheFile() throws {
        let connection = try SQLiteConnection.open(path: path("new.sqlite"))
        try connection.execute("create table t (x integer)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: path("new.sqlite")))
    }

    func testReadOnlyRefusesMissingFilesAndWrites() throws {
        XCTAssertThrowsError(try SQLiteConnection.open(path: path("missing.sqlite"), readOnly: true)) { error in
            XCTAssertEqual((error as? SQLiteError)?.resultCode, 14)  // SQLITE_CANTOPEN
            XCTAssertTrue("\(error)".contains("missing.sqlite"), "\(error)")
        }
        try SQLiteConnection.open(path: path("db.sqlite")).execute("create table t (x integer)")
        let reader = try SQLiteConnection.open(path: path("db.sqlite"), readOnly: true)
        XCTAssertEqual(try reader.prepare("select count(*) from t").rows(), [[0]])
        XCTAssertThrowsError(try reader.execute("insert into t values (1)")) { error in
            XCTAssertEqual((error as? SQLiteError)?.resultCode, 8)  // SQLITE_READONLY
        }
    }

    func testDDLAndDMLWithSeveralStatements() throws {
        let connection = try SQLiteConnection.open(path: path("db.sqlite"))
        try connection.execute("""
            create table orders (id integer primary key, amount real, status varchar(20));
            insert into orders (amount, status) values (10.5, 'placed'), (20, 'shipped');
            -- a comment between statements
            update orders set status = 'returned' where id = 2;
            """)
        XCTAssertEqual(connection.changes, 1)
        let select = try connection.prepare("select id, amount, status from orders order by id")
        XCTAssertEqual(select.columnNames, ["id", "amount", "status"])
        XCTAssertEqual(select.declaredTypes, ["INTEGER", "REAL", "varchar(20)"])
        XCTAssertEqual(try connection.prepare("select 1 + 1").declaredTypes, [nil])
        XCTAssertEqual(try select.rows(), [[1, 10.5, "placed"], [2, 20.0, "returned"]])
        // A statement runs again after its rows were read.
        XCTAssertEqual(try select.rows().count, 2)
        try connection.execute("delete from orders")
        XCTAssertEqual(connection.changes, 2)
    }

    func testPrepareTakesExactlyOneStatement() throws {
        let connection = try SQLiteConnection.open(path: path("db.sqlite"))
        XCTAssertThrowsError(try connection.prepare("select 1; select 2")) { error in
            XCTAssertEqual((error as? SQLiteError)?.resultCode, 21)  // SQLITE_MISUSE
        }
        XCTAssertThrowsError(try connection.prepare("  -- nothing\n"))
        XCTAssertEqual(try connection.prepare("select 1;  ").rows(), [[1]])
    }

    func testStepAndResetByHand() throws {
        let connection = try SQLiteConnection.open(path: path("db.sqlite"))
        let statement = try connection.prepare("select ? * 2 as doubled")
        XCTAssertEqual(statement.parameterCount, 1)
        try statement.bind([21])
        XCTAssertTrue(try statement.step())
        XCTAssertEqual(statement.columnCount, 1)
        XCTAssertEqual(statement.value(at: 0), 42)
        XCTAssertFalse(try statement.step())
        statement.reset()
        XCTAssertTrue(try statement.step())
        XCTAssertEqual(statement.row, [42])
        statement.clearBindings()
        statement.reset()
        XCTAssertTrue(try statement.step())
        XCTAssertEqual(statement.row, [.null])
    }
}
