import Foundation
import XCTest
@testable import SwiftDBT

/// `require-dbt-version` read and checked as dbt-core reads it, against the cases and answers that
/// scripts/record-version-requirements.py recorded from dbt-core 1.10 (for an installed dbt 1.10.23, the dbt-core our references are recorded from).
final class VersionRequirementTests: XCTestCase {
    private struct Case: Decodable {
        var require: Requirement
        var ok: Bool?
        var text: [String]?
        var invalid: Bool?
    }

    private enum Requirement: Decodable {
        case one(String), list([String])
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) { self = .one(text) } else { self = .list(try container.decode([String].self)) }
        }
        var yaml: String {
            switch self {
            case .one(let text): return "require-dbt-version: '\(text)'\n"
            case .list(let items): return "require-dbt-version: [" + items.map { "'\($0)'" }.joined(separator: ", ") + "]\n"
            }
        }
    }

    func testRequirementsAnswerAsDbtCoreAnswers() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/version-requirements.json")
        let cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: url))
        XCTAssertEqual(cases.count, 28)
        for testCase in cases {
            let yaml = "name: p\n" + testCase.require.yaml
            let node = try XCTUnwrap(try YAMLNode.parse(yaml, path: "dbt_project.yml"))
            guard testCase.invalid != true else {
                XCTAssertThrowsError(try RequiredDBTVersion.parse(node["require-dbt-version"], text: yaml), yaml) { error in
                    XCTAssertEqual((error as? DBTError)?.location?.line, 2)
                    XCTAssertEqual((error as? DBTError)?.message.hasSuffix("is not a valid semantic version."), true, "\(error)")
                }
                continue
            }
            let required = try XCTUnwrap(try RequiredDBTVersion.parse(node["require-dbt-version"], text: yaml))
            XCTAssertEqual(required.constraints.map(\.text), testCase.text, yaml)
            if testCase.ok == true {
                XCTAssertNoThrow(try required.check(package: "p"), yaml)
            } else {
                XCTAssertThrowsError(try required.check(package: "p"), yaml) { error in
                    XCTAssertEqual((error as? DBTError)?.message, "This version of dbt is not supported with the 'p' package.")
                    XCTAssertEqual((error as? DBTError)?.exitCode, 2)
                }
            }
        }
    }
}
