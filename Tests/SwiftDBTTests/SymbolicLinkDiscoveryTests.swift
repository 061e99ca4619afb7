import XCTest
@testable import SwiftDBT

/// Symbolic links under resource folders are found as dbt-core 1.10 finds them (Python's `os.walk`;
/// `scripts/dbt-symlink-reference.sh` shows dbt's listing of the same layouts): a resource folder that
/// is itself a link is followed, links to folders inside it are not (so a link loop ends at once),
/// and a link to a file is read.
final class SymbolicLinkDiscoveryTests: XCTestCase {
    private var outer = ""

    override func setUpWithError() throws {
        outer = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-links-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: outer + "/other/sub", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: outer + "/project", withIntermediateDirectories: true)
        try "name: linked\nprofile: linked\n".write(toFile: outer + "/project/dbt_project.yml", atomically: true, encoding: .utf8)
        try "select 2 as id\n".write(toFile: outer + "/other/b.sql", atomically: true, encoding: .utf8)
        try "select 3 as id\n".write(toFile: outer + "/other/sub/c.sql", atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: outer)
    }

    private func modelNames() throws -> [String] {
        try loadProject(outer + "/project").manifest.nodes.filter { $0.resourceType == .model }.map(\.name).sorted()
    }

    func testAModelFolderThatIsALinkIsFollowed() throws {
        try FileManager.default.createSymbolicLink(atPath: outer + "/project/models", withDestinationPath: "../other")
        XCTAssertEqual(try modelNames(), ["b", "c"])
    }

    func testLinksToFoldersInsideAreNotFollowedSoLoopsEndAtOnce() throws {
        let models = outer + "/project/models"
        try FileManager.default.createDirectory(atPath: models, withIntermediateDirectories: true)
        try "select 1 as id\n".write(toFile: models + "/a.sql", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: models + "/linked", withDestinationPath: "../../other")
        try FileManager.default.createSymbolicLink(atPath: models + "/loop", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: models + "/self", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: models + "/d.sql", withDestinationPath: "../../other/b.sql")
        XCTAssertEqual(try modelNames(), ["a", "d"])
    }

    func testAModelFolderLinkedToTheProjectItselfEnds() throws {
        try FileManager.default.createSymbolicLink(atPath: outer + "/project/models", withDestinationPath: ".")
        try "select 1 as id\n".write(toFile: outer + "/project/top.sql", atomically: true, encoding: .utf8)
        XCTAssertEqual(try modelNames(), ["top"])
    }
}
