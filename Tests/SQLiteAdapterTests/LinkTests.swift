import XCTest
@testable import SQLiteAdapter

final class LinkTests: XCTestCase {
    func testLinksTheSystemSQLite() {
        XCTAssert(sqliteVersion.hasPrefix("3."), sqliteVersion)
    }
}
