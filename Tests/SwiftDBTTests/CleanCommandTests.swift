import Foundation
import TestSupport
import XCTest

/// `swiftdbt clean` deletes only inside the project: a temporary `outer/` folder holds the project,
/// a sibling folder `sib/` and, for symbolic links, everything they point to; every case checks
/// that what lies outside the project survives, and that a refused run deletes nothing at all.
final class CleanCommandTests: XCTestCase {
    private var outer = ""
    private var project = ""
    private var sibling = ""

    override func setUpWithError() throws {
        outer = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-clean-\(UUID().uuidString)").path
        project = outer + "/project"
        sibling = outer + "/sib"
        for folder in [project + "/models", project + "/target/compiled", sibling] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        try "select 1 as id\n".write(toFile: project + "/models/a.sql", atomically: true, encoding: .utf8)
        try "built\n".write(toFile: project + "/target/compiled/a.sql", atomically: true, encoding: .utf8)
        try "keep\n".write(toFile: sibling + "/keep.txt", atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: outer)
    }

    /// Writes `dbt_project.yml` with `targets` as its `clean-targets` (JSON strings are YAML strings), and cleans.
    private func clean(_ targets: [String]) throws -> (code: Int32, stdout: String, stderr: String) {
        let list = try String(decoding: JSONEncoder().encode(targets), as: UTF8.self)
        try "name: cleaning\nprofile: cleaning\nclean-targets: \(list)\n"
            .write(toFile: project + "/dbt_project.yml", atomically: true, encoding: .utf8)
        return try runCLI(["clean"], in: project)
    }

    private var everythingIsThere: Bool {
        let manager = FileManager.default
        return manager.fileExists(atPath: sibling + "/keep.txt") && manager.fileExists(atPath: project + "/models/a.sql")
            && manager.fileExists(atPath: project + "/target/compiled/a.sql")
    }

    private func assertRefused(_ targets: [String], naming written: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try clean(targets)
        XCTAssertEqual(result.code, 2, result.stderr, file: file, line: line)
        XCTAssert(result.stderr.contains("dbt_project.yml:3:"), result.stderr, file: file, line: line)
        XCTAssert(result.stderr.contains("refusing to clean '\(written)': it resolves to "), result.stderr, file: file, line: line)
        XCTAssert(result.stderr.contains("which is not inside the project folder"), result.stderr, file: file, line: line)
        XCTAssert(everythingIsThere, "\(targets) deleted something", file: file, line: line)
    }

    func testTheDefaultTargetsAreCleaned() throws {
        try "name: cleaning\nprofile: cleaning\n".write(toFile: project + "/dbt_project.yml", atomically: true, encoding: .utf8)
        let result = try runCLI(["clean"], in: project)
        XCTAssertEqual(result.code, 0, result.stderr)
        XCTAssert(result.stdout.contains("Cleaned target/"), result.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: project + "/target"))
        XCTAssert(FileManager.default.fileExists(atPath: project + "/models/a.sql"))
    }

    func testTargetsAreRenderedAsTheProjectFileIs() throws {
        try "name: cleaning\nprofile: cleaning\nclean-targets: [\"{{ env_var('BUILT', 'nothing') }}\"]\n"
            .write(toFile: project + "/dbt_project.yml", atomically: true, encoding: .utf8)
        let result = try runCLI(["clean"], in: project, environment: ["BUILT": "target"])
        XCTAssertEqual(result.code, 0, result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: project + "/target"))
        let outside = try runCLI(["clean"], in: project, environment: ["BUILT": "../sib"])
        XCTAssertEqual(outside.code, 2)
        XCTAssert(FileManager.default.fileExists(atPath: sibling + "/keep.txt"))
    }

    func testTheParentAndSiblingsAreRefused() throws {
        try assertRefused([".."], naming: "..")
        try assertRefused(["../sib"], naming: "../sib")
        try assertRefused(["models/../../sib"], naming: "models/../../sib")
        try assertRefused(["target/../.."], naming: "target/../..")
    }

    func testTheProjectItselfIsRefused() throws {
        try assertRefused(["."], naming: ".")
        try assertRefused(["models/.."], naming: "models/..")
        try assertRefused([project], naming: project)
    }

    func testAbsolutePathsCountOnlyInsideTheProject() throws {
        try assertRefused([sibling], naming: sibling)
        try assertRefused(["/"], naming: "/")
        let result = try clean([project + "/target"])
        XCTAssertEqual(result.code, 0, result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: project + "/target"))
        XCTAssert(FileManager.default.fileExists(atPath: sibling + "/keep.txt"))
    }

    func testALinkOutOfTheProjectIsRefused() throws {
        try FileManager.default.createSymbolicLink(atPath: project + "/out", withDestinationPath: "../sib")
        try assertRefused(["out"], naming: "out")
        try assertRefused(["out/."], naming: "out/.")
        // `..` after a link is the parent of the link's target, as the file system resolves it.
        try FileManager.default.createSymbolicLink(atPath: project + "/deep", withDestinationPath: sibling)
        try assertRefused(["deep/../sib"], naming: "deep/../sib")
    }

    func testOneRefusedTargetStopsAllDeletions() throws {
        let result = try clean(["target", "../sib", "models/../.."])
        XCTAssertEqual(result.code, 2)
        XCTAssert(result.stderr.contains("refusing to clean '../sib'"), result.stderr)
        XCTAssert(result.stderr.contains("refusing to clean 'models/../..'"), result.stderr)
        XCTAssertFalse(result.stderr.contains("refusing to clean 'target'"), result.stderr)
        XCTAssert(everythingIsThere)
    }

    func testAPathWithANulCharacterIsRefused() throws {
        // The C library reads "target\0old" as "target", which is not what was written.
        let result = try clean(["target\u{0}old"])
        XCTAssertEqual(result.code, 2)
        XCTAssert(result.stderr.contains("refusing to clean 'target\\0old': a path cannot hold a NUL character"), result.stderr)
        XCTAssert(everythingIsThere)
    }

    func testSourceFoldersAreRefused() throws {
        let result = try clean(["models"])
        XCTAssertEqual(result.code, 2)
        XCTAssert(result.stderr.contains("refusing to clean 'models': it holds the project's source folder"), result.stderr)
        XCTAssert(everythingIsThere)
    }

    func testLinksInsideACleanedFolderAreRemovedNotFollowed() throws {
        try FileManager.default.createSymbolicLink(atPath: project + "/target/sib", withDestinationPath: sibling)
        let result = try clean(["target"])
        XCTAssertEqual(result.code, 0, result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: project + "/target"))
        XCTAssert(FileManager.default.fileExists(atPath: sibling + "/keep.txt"))
    }

    func testALinkToAFolderInsideTheProjectCleansThatFolder() throws {
        try FileManager.default.createDirectory(atPath: project + "/build/out", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: project + "/out", withDestinationPath: "build/out")
        let result = try clean(["out"])
        XCTAssertEqual(result.code, 0, result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: project + "/build/out"))
        XCTAssert(everythingIsThere)
    }

    /// clean reads dbt_project.yml without a profile: `target.name` and `target.type` render as '', as dbt-core's
    /// clean renders them (scripts/record-clean-target.py).
    func testCleanTargetsReadAnEmptyTarget() throws {
        let reference = try recordedWithoutProfile()
        for folder in reference.folders {
            try FileManager.default.createDirectory(atPath: project + "/" + folder, withIntermediateDirectories: true)
        }
        let result = try clean(reference.clean_targets)
        XCTAssertEqual(result.code, 0, result.stderr)
        XCTAssertEqual(reference.folders.filter { FileManager.default.fileExists(atPath: project + "/" + $0) }.sorted(), reference.left)
        XCTAssert(everythingIsThere)
    }

    /// deps reads dbt_project.yml as clean does: `packages-install-path: "pk_{{ target.name }}"` installs under `pk_/`.
    func testDepsInstallsUnderAPathReadWithAnEmptyTarget() throws {
        let reference = try recordedWithoutProfile()
        try FileManager.default.createDirectory(atPath: project + "/lp", withIntermediateDirectories: true)
        try "name: lp\nversion: '1.0'\nconfig-version: 2\n".write(toFile: project + "/lp/dbt_project.yml", atomically: true, encoding: .utf8)
        try "packages:\n  - local: lp\n".write(toFile: project + "/packages.yml", atomically: true, encoding: .utf8)
        let path = try String(decoding: JSONEncoder().encode(reference.install_path), as: UTF8.self)
        try "name: cleaning\nprofile: cleaning\npackages-install-path: \(path)\n"
            .write(toFile: project + "/dbt_project.yml", atomically: true, encoding: .utf8)
        let result = try runCLI(["deps"], in: project)
        XCTAssertEqual(result.code, 0, result.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: project).filter { $0.hasPrefix("pk_") }.sorted()
        XCTAssertEqual(names, reference.installed)
    }

    /// What dbt-core's clean and deps did with a dbt_project.yml reading `target` (scripts/record-clean-target.py).
    private struct Recorded: Decodable {
        let clean_targets: [String], folders: [String], left: [String], install_path: String, installed: [String]
    }

    private func recordedWithoutProfile() throws -> Recorded {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("reference/clean-target.json"))
        return try JSONDecoder().decode(Recorded.self, from: data)
    }
}
