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

    func testAliasesStayPlainOnlyWhenMadeOfLettersDigitsAndUnderscores() {
        XCTAssertEqual(Standard().alias("__dbt__cte__Orders_2"), "__dbt__cte__Orders_2")
        XCTAssertEqual(Standard().alias("__dbt__cte__my model"), "\"__dbt__cte__my model\"")
        XCTAssertEqual(Standard().alias("_dbt_empty_a\"b"), "\"_dbt_empty_a\"\"b\"")
        XCTAssertEqual(Standard().alias("_dbt_empty_é"), "\"_dbt_empty_é\"")
        XCTAssertEqual(Standard().alias(""), "\"\"")
    }
}
