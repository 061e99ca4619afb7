import SQLiteAdapter
import XCTest

final class SQLiteErrorTests: XCTestCase {
    private var connection: SQLiteConnection!

    override func setUpWithError() throws {
        let directory = try makeTemporaryDirectory(for: self)
        connection = try SQLiteConnection.open(path: directory.appendingPathComponent("db.sqlite").path)
    }

    func testPrepareErrorCarriesCodeMessageAndSQL() {
        XCTAssertThrowsError(try connection.prepare("select * from x")) { error in
            guard let error = error as? SQLiteError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.resultCode, 1)
            XCTAssertEqual(error.message, "no such table: x")
            XCTAssertEqual(error.sql, "select * from x")
            XCTAssertEqual(error.description, "SQLite error 1: no such table: x - while executing `select * from x`")
        }
    }

    func testScriptErrorNamesTheFailingStatement() throws {
        XCTAssertThrowsError(try connection.execute("create table a (x); select * from nope; create table b (y)")) {
            XCTAssertEqual(($0 as? SQLiteError)?.sql, "select * from nope; create table b (y)")
        }
        // Statements before the failing one ran; those after did not.
        XCTAssertEqual(try connection.prepare("select name from sqlite_master").rows(), [["a"]])
    }

    func testStepErrorHasTheExtendedCodeAndHidesArguments() throws {
        try connection.execute("create table users (email text unique)")
        let insert = try connection.prepare("insert into users values (?)")
        try insert.run(["secret@example.com"])
        XCTAssertThrowsError(try insert.run(["secret@example.com"])) { error in
            guard let error = error as? SQLiteError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.resultCode, 19)  // SQLITE_CONSTRAINT
            XCTAssertEqual(error.extendedResultCode, 2067)  // SQLITE_CONSTRAINT_UNIQUE
            XCTAssertEqual(error.sql, "insert into users values (?)")
            XCTAssertFalse(error.description.contains("secret"), error.description)
            XCTAssertTrue(error.description.hasPrefix("SQLite error 19: UNIQUE constraint failed: users.email"))
        }
        // The failure does not stick to the statement.
        try insert.run(["other@example.com"])
        XCTAssertEqual(try connection.prepare("select count(*) from users").rows(), [[2]])
    }

    func testForeignKeysAreEnforcedWhenOn() throws {
        try connection.execute("""
            create table parent (id integer primary key);
            create table child (parent_id integer references parent (id));
            """)
        try connection.execute("insert into child values (1)")
        try connection.foreignKeys(on: true)
        XCTAssertThrowsError(try connection.execute("insert into child values (2)")) {
            XCTAssertEqual(($0 as? SQLiteError)?.extendedResultCode, 787)  // SQLITE_CONSTRAINT_FOREIGNKEY
        }
    }
}
