import XCTest
@testable import SwiftDBT

/// The default quoting doubles embedded quotes, with or without any to double.
final class DialectQuotingTests: XCTestCase {
    private struct Standard: Dialect {
        var type: String { "standard" }
        var includesDatabase: Bool { false }
    }

    func testQuotesAndDoublesEmbeddedQuotes() {
        XCTAssertEqual(Standard().quote("orders"), "\"orders\"")
        XCTAssertEqual(Standard().quote("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(Standard().quote(""), "\"\"")
        XCTAssertEqual(Standard().render(RelationName(database: "db", schema: "main", identifier: "a\"b")), "\"main\".\"a\"\"b\"")
    }
}
