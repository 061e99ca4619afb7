import Foundation
import SQLiteAdapter
import TestSupport
import XCTest
@testable import SwiftDBT

/// Loading packages installed under `packages-install-path` (by swiftdbt's `deps` or dbt's), with
/// their own vars and `require-dbt-version`. Expected values: scripts/record-package-reference.sh (dbt-core 1.10).
final class InstalledPackageTests: XCTestCase {
    private func fixture() throws -> String {
        let root = try copyFixture("packages/installed")
        let folder = (root as NSString).deletingLastPathComponent
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        return root
    }

    private func load(_ root: String, versionCheck: Bool = true) throws -> LoadedProject {
        var adapters = AdapterRegistry()
        adapters.register(SQLiteAdapterFactory())
        return try ProjectLoader.load(LoadOptions(projectDirectory: root, versionCheck: versionCheck,
                                                  environment: isolatedEnvironment()), adapters: adapters)
    }

    func testInstalledPackagesLoadWithTheirOwnVars() throws {
        let loaded = try load(try fixture())
        XCTAssertEqual(loaded.packages.map(\.name), ["consumer", "calendar_tools", "text_tools"])
        let compiler = Compiler(session: loaded.session, manifest: loaded.manifest)
        let years = try XCTUnwrap(loaded.manifest.node("model.calendar_tools.calendar_years"))
        XCTAssertEqual(try compiler.compile(years).trimmingCharacters(in: .whitespacesAndNewlines),
                       "select 2020 as first_year, 2002 as last_year, 'years' as label, 'emea' as region")
        let users = try XCTUnwrap(loaded.manifest.node("model.consumer.package_users"))
        XCTAssertEqual(try compiler.compile(users).trimmingCharacters(in: .whitespacesAndNewlines),
                       // dbt-sqlite prints `main."calendar_years"`; swiftdbt quotes the schema too (README, relation names).
                       "select first_year, last_year, upper('hello') as greeting\nfrom \"main\".\"calendar_years\"")
    }

    func testPackagesInstallPathIsHonoured() throws {
        let root = try fixture()
        try FileManager.default.moveItem(atPath: root + "/dbt_packages", toPath: root + "/vendor")
        XCTAssertThrowsError(try load(root))
        try appendLine("packages-install-path: vendor", to: root + "/dbt_project.yml")
        XCTAssertNotNil(try load(root).manifest.node("model.calendar_tools.calendar_years"))
    }

    func testAPackageNotInstalledAsksForDeps() throws {
        let root = try fixture()
        try FileManager.default.removeItem(atPath: root + "/dbt_packages/text_tools")
        XCTAssertThrowsError(try load(root)) { error in
            let error = error as? DBTError
            XCTAssertEqual(error?.kind, .project)
            XCTAssertEqual(error?.message, "dbt found 2 package(s) specified in packages.yml, but only 1 package(s) installed in "
                           + "dbt_packages. Run \"swiftdbt deps\" to install package dependencies.")
        }
    }

    func testRequireDBTVersionOfAPackage() throws {
        let root = try fixture()
        let projectFile = root + "/dbt_packages/calendar_tools/dbt_project.yml"
        let text = try String(contentsOfFile: projectFile, encoding: .utf8)
        try text.replacingOccurrences(of: "[\">=1.5.0\", \"<2.0.0\"]", with: "[\">=1.11.0\"]")
            .write(toFile: projectFile, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try load(root)) { error in
            let error = error as? DBTError
            XCTAssertEqual(error?.kind, .project)
            XCTAssertEqual(error?.message, "This version of dbt is not supported with the 'calendar_tools' package.")
            XCTAssertEqual(error?.location?.line, 3)
            // dbt prints the first note up to the version; swiftdbt adds which dbt-core it follows.
            XCTAssertEqual(error?.notes.first, "Installed version of dbt: =1.10.23 (swiftdbt \(SwiftDBTVersion.current) follows dbt-core 1.10.23)")
            XCTAssertEqual(error?.notes.dropFirst().first, "Required version of dbt for 'calendar_tools': ['>=1.11.0']")
        }
        XCTAssertNotNil(try load(root, versionCheck: false).manifest.node("model.calendar_tools.calendar_years"))
        for command in ["ls", "compile", "build"] {
            let refused = try runCLI([command], in: root)
            XCTAssertEqual(refused.code, 2, command)
            XCTAssertTrue(refused.stderr.hasPrefix("./dbt_packages/calendar_tools/dbt_project.yml:3:22: This version of dbt is not "
                                                   + "supported with the 'calendar_tools' package.\n  require-dbt-version: [\">=1.11.0\"]\n"),
                          refused.stderr)
            XCTAssertEqual(try runCLI([command, "--no-version-check"], in: root).code, 0, command)
        }
    }

    func testADuplicatePackageNameIsAnError() throws {
        let root = try fixture()
        try FileManager.default.copyItem(atPath: root + "/dbt_packages/text_tools", toPath: root + "/dbt_packages/text_tools_copy")
        XCTAssertThrowsError(try load(root)) { error in
            XCTAssertEqual((error as? DBTError)?.message, "dbt found more than one package with the name \"text_tools\" included "
                           + "in this project. Package names must be unique in a project. Please rename one of these packages.")
        }
    }

    /// `dbt deps` installs a `local:` package as a link to its folder: it loads once.
    func testALocalPackageLinkedByDBTDepsLoadsOnce() throws {
        let root = try fixture()
        let local = (root as NSString).deletingLastPathComponent + "/local_tools"
        try FileManager.default.copyItem(at: fixturesFolder.appendingPathComponent("packages/local_tools"), to: URL(fileURLWithPath: local))
        let text = try String(contentsOfFile: root + "/packages.yml", encoding: .utf8)
        try (text + "  - local: ../local_tools\n").write(toFile: root + "/packages.yml", atomically: true, encoding: .utf8)
        XCTAssertEqual(try load(root).packages.map(\.name), ["consumer", "calendar_tools", "text_tools", "local_tools"],
                       "not installed: read in place")
        try FileManager.default.createSymbolicLink(atPath: root + "/dbt_packages/local_tools", withDestinationPath: local)
        let loaded = try load(root)
        XCTAssertEqual(loaded.packages.map(\.name), ["consumer", "calendar_tools", "local_tools", "text_tools"])
        XCTAssertNotNil(loaded.manifest.node("model.local_tools.local_numbers"))
    }

    private func appendLine(_ line: String, to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(("\n" + line + "\n").utf8))
    }
}
