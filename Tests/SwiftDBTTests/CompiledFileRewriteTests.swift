import Foundation
import TestSupport
import XCTest

/// `compile` leaves a compiled file that already holds its SQL as it is (its modification time too) and rewrites
/// one whose SQL changed, whether the new SQL is shorter, longer or the same length.
final class CompiledFileRewriteTests: XCTestCase {
    private var project = ""

    override func setUpWithError() throws {
        project = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-compiled-rewrite-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: project + "/models", withIntermediateDirectories: true)
        try "name: rewrite\nprofile: rewrite\n".write(toFile: project + "/dbt_project.yml", atomically: true, encoding: .utf8)
        for (name, sql) in [("same", "select 1 as id"), ("shorter", "select 1 as id, 'a long text' as label"),
                            ("longer", "select 1 as id"), ("equal_length", "select 1 as id")] {
            try sql.write(toFile: project + "/models/\(name).sql", atomically: true, encoding: .utf8)
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: project)
    }

    private func compiled(_ name: String) -> String { project + "/target/compiled/rewrite/models/\(name).sql" }

    private func modified(_ name: String) throws -> Date? {
        try FileManager.default.attributesOfItem(atPath: compiled(name))[.modificationDate] as? Date
    }

    func testUnchangedFilesAreLeftAndChangedOnesRewritten() throws {
        var result = try runCLI(["compile"], in: project)
        XCTAssertEqual(result.code, 0, result.stdout + result.stderr)
        let past = Date(timeIntervalSince1970: 1_000_000_000)
        for name in ["same", "shorter", "longer", "equal_length"] {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: compiled(name))
        }
        try "select 2".write(toFile: project + "/models/shorter.sql", atomically: true, encoding: .utf8)
        try "select 1 as id, 2 as other".write(toFile: project + "/models/longer.sql", atomically: true, encoding: .utf8)
        try "select 2 as id".write(toFile: project + "/models/equal_length.sql", atomically: true, encoding: .utf8)
        result = try runCLI(["compile"], in: project)
        XCTAssertEqual(result.code, 0, result.stdout + result.stderr)
        XCTAssertEqual(try String(contentsOfFile: compiled("same"), encoding: .utf8), "select 1 as id")
        XCTAssertEqual(try modified("same"), past)
        for (name, sql) in [("shorter", "select 2"), ("longer", "select 1 as id, 2 as other"), ("equal_length", "select 2 as id")] {
            XCTAssertEqual(try String(contentsOfFile: compiled(name), encoding: .utf8), sql, name)
            XCTAssertNotEqual(try modified(name), past, name)
        }
    }
}
