import XCTest
@testable import SwiftDBT

final class DBTErrorTests: XCTestCase {
    func testErrorsPrintPathLineColumnAndTheLine() {
        let error = DBTError(.project, "unknown key 'materialised'",
                             at: FileLocation(path: "dbt_project.yml", line: 7, column: 5),
                             sourceLine: "    materialised: table", notes: ["did you mean 'materialized'?"])
        XCTAssertEqual(error.description, """
        dbt_project.yml:7:5: unknown key 'materialised'
              materialised: table
              ^
          did you mean 'materialized'?
        """)
        XCTAssertEqual(error.exitCode, 2)
        XCTAssertEqual(DBTError(.execution, "x").exitCode, 1)
    }
}
