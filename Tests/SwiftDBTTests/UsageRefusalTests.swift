import Foundation
import TestSupport
import XCTest

/// A command line swiftdbt cannot parse exits 2 with dbt-core 1.10's (click's) lines, `dbt` read as `swiftdbt`:
/// the usage line, the help hint and `Error: ...` naming the option and the bad value (an unknown option or
/// command, a word for an integer, a value a choice option does not offer, an option missing its value, a flag
/// given one). Compared with `expected-usage-errors.json`, recorded by scripts/record-usage-errors.py.
final class UsageRefusalTests: XCTestCase {
    func testRefusedAsClickRefusesThem() throws {
        let reference = try ResourceTypesFixture.reference("expected-usage-errors.json")
        let cases = try XCTUnwrap(reference["cases"] as? [String: [String: Any]])
        XCTAssertEqual(cases.count, 8)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-usage-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, expected) in cases.sorted(by: { $0.key < $1.key }) {
            let run = try runCLI(try XCTUnwrap(expected["arguments"] as? [String]), in: folder)
            XCTAssertEqual(Int(run.code), expected["code"] as? Int, name)
            let lines = try XCTUnwrap(expected["stderr"] as? [String]).map {
                $0.replacingOccurrences(of: "Usage: dbt ", with: "Usage: swiftdbt ").replacingOccurrences(of: "Try 'dbt ", with: "Try 'swiftdbt ")
            }
            XCTAssertEqual(run.stderr, lines.joined(separator: "\n") + "\n", name)
            XCTAssertEqual(run.stdout, "", name)
        }
    }
}
