import Foundation
import XCTest

/// `swiftdbt debug` connects and reports the connection test as dbt does: exit 0 with "All checks passed!"
/// only when it passes, exit 1 with the database's message when it fails. (PostgreSQL: `DebugConnectionTests`.)
final class DebugCommandTests: XCTestCase {
    private var project: ExecutionProject!

    override func setUpWithError() throws {
        project = try ExecutionProject("writers")
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(atPath: (project.root as NSString).deletingLastPathComponent)
    }

    func testTheDefaultSQLiteDatabasePasses() throws {
        let run = try project.run("debug")
        XCTAssertEqual(run.code, 0, run.all)
        XCTAssertEqual(Array(run.lines.suffix(4)), ["  Connection test: [OK connection ok]", "", "All checks passed!", ""])
    }

    func testADatabaseFileThatCannotBeOpenedFails() throws {
        // A folder cannot be made under a file, whoever runs the test.
        try project.write("writers:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      schema: main\n"
                          + "      path: dbt_project.yml/writers.sqlite\n", to: "profiles.yml")
        let run = try project.run("debug", "--profiles-dir", project.root)
        XCTAssertEqual(run.code, 1, run.all)
        let lines = Array(run.lines.suffix(6))
        XCTAssertEqual(Array(lines.prefix(4)), ["  Connection test: [ERROR]", "", "1 check failed:", "could not connect to the target database:"])
        XCTAssertEqual(lines[4], "  cannot open the SQLite database of target 'dev' at ./dbt_project.yml/writers.sqlite: "
                       + "its folder ./dbt_project.yml cannot be created")
        XCTAssertFalse(run.all.contains("All checks passed!"), run.all)
    }
}
