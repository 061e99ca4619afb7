import XCTest
@testable import PostgresAdapter
@testable import SwiftDBT

/// The literals swiftdbt writes into PostgreSQL SQL (the schema and table names the grants lookup compares)
/// read back unchanged whether the server treats backslashes in standard literals as escapes or not.
final class LiteralTests: XCTestCase {
    func testLiteralsReadBackUnchangedWithEitherStringSetting() throws {
        _ = try requirePostgres()
        let connection = try PostgresConnection(parameters: [])
        let texts = ["plain", "o'brien", "back\\slash", "a\\'; select 1; --", "ends with \\", "tab\\t and \\n", "é\"`[]"]
        for setting in ["on", "off"] {
            _ = try connection.execute("set standard_conforming_strings = \(setting)")
            for text in texts {
                let read = try connection.execute("select \(PostgresDialect().literal(text))").values
                XCTAssertEqual(read, [[text]], "standard_conforming_strings = \(setting)")
            }
        }
    }
}
