import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// `deps` and `clean` append to `logs/dbt.log` as dbt-core 1.10 does: the invocation's header and `Running with
/// dbt=...`, then deps' lines; clean's lines never (dbt keeps them out of the file). Against
/// `Tests/Fixtures/reference/deps-clean-log.json` (scripts/record-deps-clean-log.py, same project).
final class DepsCleanLogTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-deps-clean-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/target", withIntermediateDirectories: true)
        try "name: refq\nversion: '1.0'\nprofile: refq\nclean-targets: [target]\n"
            .write(toFile: root + "/dbt_project.yml", atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// The lines `arguments` appends to dbt.log: its header (time and ID masked) and each line's level and message.
    private func appended(_ arguments: [String]) throws -> (code: Int32, header: [String], lines: [[String]]) {
        let path = root + "/logs/dbt.log"
        let before = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let run = try runCLI(arguments, in: root)
        let after = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssert(after.hasPrefix(before))
        var header: [String] = [], lines: [[String]] = []
        for line in after.dropFirst(before.count).split(separator: "\n") {
            if line.hasPrefix("=") {
                header.append(String(line).replacing(#/\d\d:\d\d:\d\d\.\d{6}/#, with: "HH:MM:SS.ffffff").replacing(#/[0-9a-f-]{36}/#, with: "<id>"))
            } else if let match = line.firstMatch(of: #/^\d\d:\d\d:\d\d\.\d{6} \[(\w+) ?\] \[[^\]]+\]: (.*)$/#) {
                lines.append([String(match.1), String(match.2)])
            }
        }
        return (run.code, header, lines)
    }

    func testDepsAndCleanWriteTheLogFileAsDBT() throws {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("reference/deps-clean-log.json"))
        let reference = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
        let dbtDeps = try XCTUnwrap(reference["deps"]), dbtClean = try XCTUnwrap(reference["clean"])
        let deps = try appended(["deps"])
        XCTAssertEqual(Int(deps.code), dbtDeps["exit_code"] as? Int)
        XCTAssertEqual(deps.header, dbtDeps["header"] as? [String])
        let dbtLines = try XCTUnwrap(dbtDeps["lines"] as? [[String]])
        XCTAssertEqual(deps.lines.first, dbtLines.first)
        // swiftdbt says it once, as a warning; dbt twice, at info level.
        let message = try XCTUnwrap(dbtLines.last?.last)
        XCTAssert(deps.lines.contains { $0.last?.hasSuffix(message) == true }, "\(deps.lines)")
        let clean = try appended(["clean"])
        XCTAssertEqual(Int(clean.code), dbtClean["exit_code"] as? Int)
        XCTAssertEqual(clean.header, dbtClean["header"] as? [String])
        XCTAssertEqual(clean.lines, dbtClean["lines"] as? [[String]])
        XCTAssertFalse(FileManager.default.fileExists(atPath: root + "/target"))
    }

    /// dbt's clean reads no profile: it cleans with `--profiles-dir` naming a folder without one, and refuses only a
    /// `--profiles-dir` (or `DBT_PROFILES_DIR`) that does not exist, with click's message and exit 2, before writing
    /// anything. Without `--profiles-dir` dbt also refuses when `~/.dbt` is missing; swiftdbt, which never needs a
    /// profiles folder, cleans there (`clean_without_home_dbt` is not followed).
    func testCleanWithoutAProfileAsDBT() throws {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("reference/deps-clean-log.json"))
        let reference = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
        let missing = try XCTUnwrap(reference["clean_without_profile"]), empty = try XCTUnwrap(reference["clean_empty_profiles_dir"])
        for (arguments, environment) in [(["clean", "--profiles-dir", root + "/none"], [:]),
                                         (["clean"], ["DBT_PROFILES_DIR": root + "/none"])] {
            let refused = try runCLI(arguments, in: root, environment: environment)
            XCTAssertEqual(Int(refused.code), missing["exit_code"] as? Int, refused.stderr)
            let error = try XCTUnwrap(missing["error"] as? String).replacingOccurrences(of: "<project>", with: root)
            XCTAssert(refused.stderr.contains(error.replacingOccurrences(of: "Error: ", with: "")), refused.stderr)
            XCTAssertEqual(FileManager.default.fileExists(atPath: root + "/logs/dbt.log"), missing["appended"] as? Bool)
            XCTAssertEqual(!FileManager.default.fileExists(atPath: root + "/target"), missing["cleaned"] as? Bool)
        }
        try FileManager.default.createDirectory(atPath: root + "/home", withIntermediateDirectories: true)
        let cleaned = try runCLI(["clean", "--profiles-dir", root + "/home"], in: root)
        XCTAssertEqual(Int(cleaned.code), empty["exit_code"] as? Int, cleaned.stderr)
        XCTAssertEqual(!FileManager.default.fileExists(atPath: root + "/target"), empty["cleaned"] as? Bool)
    }
}
