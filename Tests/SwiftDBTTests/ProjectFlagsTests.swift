import Foundation
import Jinja
import XCTest
@testable import SwiftDBT

/// `flags:` in dbt_project.yml: the project's default indirect selection mode, below the environment and the
/// command line.
final class ProjectFlagsTests: XCTestCase {
    private func project(_ yaml: String) throws -> ProjectFile {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-flags-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try ("name: flagged\nprofile: flagged\n" + yaml)
            .write(to: root.appendingPathComponent("dbt_project.yml"), atomically: true, encoding: .utf8)
        return try ProjectFile.load(root: root.path, environment: Jinja.Environment(), context: [:])
    }

    func testIndirectSelectionFlagIsRead() throws {
        XCTAssertEqual(try project("flags:\n  indirect_selection: buildable\n").indirectSelection, .buildable)
        XCTAssertNil(try project("flags:\n  fail_fast: true\n").indirectSelection)
        XCTAssertNil(try project("").indirectSelection)
    }

    func testAnUnknownModeIsAProjectErrorAtItsLine() throws {
        XCTAssertThrowsError(try project("flags:\n  indirect_selection: greedy\n")) { error in
            let error = error as? DBTError
            XCTAssertEqual(error?.kind, .project)
            XCTAssertEqual(error?.location?.line, 4)
            XCTAssertEqual(error?.message, "'flags: indirect_selection' must be one of: eager, cautious, buildable, empty")
        }
    }

    func testCommandLineBeatsEnvironmentBeatsProjectBeatsEager() throws {
        let environment = ["DBT_INDIRECT_SELECTION": "empty"]
        XCTAssertEqual(try IndirectSelection.resolved(commandLine: "cautious", environment: environment, project: .buildable),
                       .cautious)
        XCTAssertEqual(try IndirectSelection.resolved(commandLine: nil, environment: environment, project: .buildable),
                       .empty)
        XCTAssertEqual(try IndirectSelection.resolved(commandLine: nil, environment: [:], project: .buildable), .buildable)
        XCTAssertEqual(try IndirectSelection.resolved(commandLine: nil, environment: [:], project: nil), .eager)
        XCTAssertThrowsError(try IndirectSelection.resolved(commandLine: nil, environment: ["DBT_INDIRECT_SELECTION": "x"],
                                                            project: nil))
    }
}
