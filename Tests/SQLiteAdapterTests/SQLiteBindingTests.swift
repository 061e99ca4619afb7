import SQLiteAdapter
import XCTest

final class SQLiteBindingTests: XCTestCase {
    private var connection: SQLiteConnection!

    override func setUpWithError() throws {
        let directory = try makeTemporaryDirectory(for: self)
        connection = try SQLiteConnection.open(path: directory.appendingPathComponent("db.sqlite").path)
        try connection.execute("create table t (v)")
    }

    /// Stores `value` in a column without affinity and reads it back.
    private func roundTrip(_ value: SQLiteValue, file: StaticString = #filePath, line: UInt = #line) throws {
        try connection.execute("delete from t")
        try connection.prepare("insert into t values (?)").run([value])
        XCTAssertEqual(try connection.prepare("select v from t").rows(), [[value]], file: file, line: line)
    }

    func testEveryStorageClassRoundTrips() throws {
        try roundTrip(.null)
        try roundTrip(.integer(0))
        try roundTrip(.integer(Int64.max))
        try roundTrip(.integer(Int64.min))
        try roundTrip(.real(3.141592653589793))
        try roundTrip(.real(-0.0))
        try roundTrip(.real(1e308))
        try roundTrip(.text(""))
        try roundTrip(.text("naïve café 東京 🚀"))
        try roundTrip(.text("a\u{0}b"))
        try roundTrip(.blob([]))
        try roundTrip(.blob([0, 1, 0, 255, 0]))
        try roundTrip(.blob(Array(repeating: 7, count: 100_000)))
    }

    func testTypesAreKeptApart() throws {
        let row = try connection.prepare("select typeof(?), typeof(?), typeof(?), typeof(?), typeof(?)")
            .rows([nil, 1, 1.5, "x", .blob([1])])
        XCTAssertEqual(row, [["null", "integer", "real", "text", "blob"]])
    }

    func testEmptyStringIsNotNull() throws {
        XCTAssertEqual(try connection.prepare("select ? is null, length(?)").rows(["", ""]), [[0, 0]])
    }

    func testArgumentCountMustMatch() throws {
        let statement = try connection.prepare("select ?, ?")
        XCTAssertThrowsError(try statement.bind([1])) { error in
            XCTAssertEqual((error as? SQLiteError)?.resultCode, 25)  // SQLITE_RANGE
        }
    }

    func testRebindingReplacesPreviousArguments() throws {
        let insert = try connection.prepare("insert into t values (?)")
        for value in 1...3 { try insert.run([.integer(Int64(value))]) }
        XCTAssertEqual(try connection.prepare("select v from t order by v").rows(), [[1], [2], [3]])
    }

    func testForEachRowStreams() throws {
        try connection.execute("insert into t values (1), (2), (3)")
        var sum: Int64 = 0
        try connection.prepare("select v from t where v > ?").forEachRow([1]) { row in
            if case .integer(let value) = row[0] { sum += value }
        }
        XCTAssertEqual(sum, 5)
    }
}
