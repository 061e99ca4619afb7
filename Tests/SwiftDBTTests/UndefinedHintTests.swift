import Foundation
import TestSupport
import XCTest

/// dbt-core 1.10's hint after an undefined name ("This can happen when calling a macro that does not exist. Check
/// for typos and/or install package dependencies with "dbt deps".", naming `swiftdbt deps` here) where dbt prints
/// it: a node calling a macro nobody defined (build: in its result's message), an attribute a dict lacks (compile),
/// `run-operation` of a macro nobody defined; and where it does not: a raised compiler error, and an undefined name
/// inside the macro `run-operation` runs. Compared with `expected-undefined-hint.json` of
/// Tests/Fixtures/resource_types, recorded by scripts/record-undefined-hint.py.
final class UndefinedHintTests: XCTestCase {
    private var roots: [String] = []

    override func tearDownWithError() throws {
        for root in roots { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
    }

    /// dbt's line as swiftdbt words it: its own name where dbt names itself.
    private static func ours(_ line: String) -> String {
        line.replacingOccurrences(of: "\"dbt deps\"", with: "\"swiftdbt deps\"")
            .replacingOccurrences(of: "dbt could not find", with: "swiftdbt could not find")
            .replacingOccurrences(of: "\"", with: "'")
    }

    func testHintWhereDbtGivesIt() throws {
        let reference = try ResourceTypesFixture.reference("expected-undefined-hint.json")
        let cases = try XCTUnwrap(reference["cases"] as? [String: [String: Any]])
        XCTAssertEqual(cases.count, 5)
        for (name, expected) in cases.sorted(by: { $0.key < $1.key }) {
            let root = try ResourceTypesFixture.copy()
            roots.append(root)
            for (path, text) in try XCTUnwrap(expected["files"] as? [String: String]) {
                let file = root + "/" + path
                try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try text.write(toFile: file, atomically: true, encoding: .utf8)
            }
            let run = try runCLI(try XCTUnwrap(expected["arguments"] as? [String]) + ["--profiles-dir", root], in: root)
            XCTAssertEqual(Int(run.code), expected["exit"] as? Int, "\(name): \(run.stdout)\(run.stderr)")
            let dbtLine: String, ours: String
            if let messages = expected["messages"] as? [String: String] {
                let (uniqueID, message) = try XCTUnwrap(messages.first)
                dbtLine = try XCTUnwrap(message.components(separatedBy: "\n").last).trimmingCharacters(in: .whitespaces)
                let results = try Data(contentsOf: URL(fileURLWithPath: root + "/target/run_results.json"))
                let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: results) as? [String: Any])
                let result = try XCTUnwrap((document["results"] as? [[String: Any]])?.first { $0["unique_id"] as? String == uniqueID })
                ours = try XCTUnwrap(result["message"] as? String, name)
            } else {
                dbtLine = try XCTUnwrap((expected["error"] as? [String])?.last)
                ours = run.stdout + run.stderr
            }
            // The message before the hint, then the hint exactly where dbt gives it.
            let (message, hinted) = (dbtLine.components(separatedBy: ". This can happen").first ?? dbtLine,
                                     dbtLine.contains("This can happen"))
            XCTAssert(ours.replacingOccurrences(of: "\"", with: "'").contains(Self.ours(hinted ? dbtLine : message)), "\(name): \(ours)")
            XCTAssertEqual(ours.contains("This can happen"), hinted, "\(name): \(ours)")
        }
    }
}
