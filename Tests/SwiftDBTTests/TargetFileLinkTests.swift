import Foundation
import TestSupport
import XCTest

/// Files swiftdbt writes under `target/` replace a symbolic link in their place instead of writing
/// through it: a project (a cloned repository, say) cannot make `compile` overwrite a file of the
/// user's by shipping `target/manifest.json` or a compiled file as a link to it.
final class TargetFileLinkTests: XCTestCase {
    private var outer = ""

    override func setUpWithError() throws {
        outer = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-target-links-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: outer + "/project/models", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: outer + "/project/target/compiled/linked/models", withIntermediateDirectories: true)
        try "name: linked\nprofile: linked\n".write(toFile: outer + "/project/dbt_project.yml", atomically: true, encoding: .utf8)
        try "select 1 as id\n".write(toFile: outer + "/project/models/a.sql", atomically: true, encoding: .utf8)
        try "precious\n".write(toFile: outer + "/precious.txt", atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: outer)
    }

    func testLinksInTheirPlaceAreReplacedNotWrittenThrough() throws {
        for file in ["target/manifest.json", "target/compiled/linked/models/a.sql"] {
            try FileManager.default.createSymbolicLink(atPath: outer + "/project/" + file, withDestinationPath: outer + "/precious.txt")
        }
        let result = try runCLI(["compile"], in: outer + "/project")
        XCTAssertEqual(result.code, 0, result.stdout + result.stderr)
        XCTAssertEqual(try String(contentsOfFile: outer + "/precious.txt", encoding: .utf8), "precious\n")
        for file in ["target/manifest.json", "target/compiled/linked/models/a.sql"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: outer + "/project/" + file)
            XCTAssertEqual(attributes[.type] as? FileAttributeType, .typeRegular, file)
        }
        XCTAssertEqual(try String(contentsOfFile: outer + "/project/target/compiled/linked/models/a.sql", encoding: .utf8),
                       "select 1 as id")
    }
}
