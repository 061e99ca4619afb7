import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// `swiftdbt deps` against a hub of the test's own (a loopback HTTP server), git packages from bare
/// repositories made here (`file://`), and local packages; no network. The hub cases' expected versions,
/// lock file and exit codes are dbt-core 1.10's on the same hub: scripts/record-deps-reference.py.
final class DepsTests: XCTestCase {
    private var hub: PackageHubServer!
    private var root = ""

    private let packageFixtures = fixturesFolder.appendingPathComponent("packages")
    private var calendarFixture: URL { packageFixtures.appendingPathComponent("installed/dbt_packages/calendar_tools") }
    private var textFixture: URL { packageFixtures.appendingPathComponent("installed/dbt_packages/text_tools") }

    override func setUpWithError() throws {
        hub = try PackageHubServer()
        let server = hub
        addTeardownBlock { server?.stop() }
        let textRange: [String: Any] = ["package": "acme/text_tools", "version": [">=0.2.0", "<0.4.0"]]
        for version in ["1.0.0", "1.2.0", "2.0.0", "2.1.0-rc1"] {
            try hub.publish("acme/calendar_tools", version: version, fixture: calendarFixture)
        }
        try hub.publish("acme/calendar_tools", version: "1.4.0", fixture: calendarFixture, dependencies: [textRange])
        try hub.publish("acme/calendar_tools", version: "1.9.0", fixture: calendarFixture, requireDBTVersion: [">=1.11.0"])
        for version in ["0.2.0", "0.3.0", "0.4.0"] {
            try hub.publish("acme/text_tools", version: version, fixture: textFixture)
        }
        // The consumer project, without its installed packages.
        root = try copyFixture("packages/installed")
        let folder = (root as NSString).deletingLastPathComponent
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.removeItem(atPath: root + "/dbt_packages")
    }

    private func writePackages(_ yaml: String) throws {
        try ("packages:\n" + yaml).write(toFile: root + "/packages.yml", atomically: true, encoding: .utf8)
    }

    private func deps(upgrade: Bool = false, lockOnly: Bool = false, vars: String? = nil) throws -> [String] {
        let lines = Lines()
        try DepsTask.run(DepsTask.Options(projectDirectory: root, vars: vars, environment: isolatedEnvironment(["DBT_PACKAGE_HUB_URL": hub.url]),
                                          upgrade: upgrade, lockOnly: lockOnly),
                         progress: { _ in }, log: { lines.append($0) })
        return lines.all
    }

    private func installedVersion(_ name: String) throws -> String? {
        let text = try String(contentsOfFile: root + "/dbt_packages/\(name)/dbt_project.yml", encoding: .utf8)
        return text.split(separator: "\n").first { $0.hasPrefix("version:") }.map { String($0.dropFirst(9)).trimmingCharacters(in: .whitespaces) }
    }

    private func lockText() throws -> String { try String(contentsOfFile: root + "/package-lock.yml", encoding: .utf8) }

    private func expectFailure(_ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try deps(), file: file, line: line) { error in
            XCTAssertEqual((error as? DBTError)?.kind, .project, file: file, line: line)
            XCTAssertEqual((error as? DBTError)?.message, message, file: file, line: line)
        }
    }

    func testRangesOverlapAcrossTransitiveDependencies() throws {
        try writePackages("""
          - package: acme/calendar_tools
            version: [">=1.0.0", "<2.0.0"]
          - package: acme/text_tools
            version: ">=0.3.0"
        """)
        _ = try deps()
        // 1.9.0 requires dbt >=1.11.0, so 1.4.0 is the newest installable below 2.0.0; it asks text_tools <0.4.0.
        XCTAssertEqual(try installedVersion("calendar_tools"), "'1.4.0'")
        XCTAssertEqual(try installedVersion("text_tools"), "'0.3.0'")
        XCTAssertEqual(try lockText(), """
            packages:
              - name: calendar_tools
                package: acme/calendar_tools
                version: 1.4.0
              - name: text_tools
                package: acme/text_tools
                version: 0.3.0
            sha1_hash: 9c3c93f573cc771a19c7a3e2b4dfcb74905b76d4

            """)
    }

    func testAConflictNamesBothRequirements() throws {
        try writePackages("""
          - package: acme/calendar_tools
            version: [">=1.4.0", "<1.5.0"]
          - package: acme/text_tools
            version: ">=0.4.0"
        """)
        expectFailure("package 'acme/text_tools': no version satisfies both ['>=0.4.0'] (packages.yml) and ['>=0.2.0', '<0.4.0'] (calendar_tools)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root + "/dbt_packages"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: root + "/package-lock.yml"))
    }

    func testPrereleasesOnlyWhenAllowed() throws {
        try writePackages("  - package: acme/calendar_tools\n    version: \">=2.0.0\"\n")
        _ = try deps()
        XCTAssertEqual(try installedVersion("calendar_tools"), "'2.0.0'")
        try writePackages("  - package: acme/calendar_tools\n    version: \">=2.0.0\"\n    install_prerelease: true\n")
        _ = try deps()
        XCTAssertEqual(try installedVersion("calendar_tools"), "'2.1.0-rc1'")
    }

    func testTheLockIsReusedUntilUpgrade() throws {
        try writePackages("  - package: acme/text_tools\n    version: [\">=0.2.0\", \"<1.0.0\"]\n")
        _ = try deps()
        XCTAssertEqual(try installedVersion("text_tools"), "'0.4.0'")
        try hub.publish("acme/text_tools", version: "0.5.0", fixture: textFixture)
        _ = try deps()
        XCTAssertEqual(try installedVersion("text_tools"), "'0.4.0'", "the lock file pins 0.4.0")
        _ = try deps(upgrade: true)
        XCTAssertEqual(try installedVersion("text_tools"), "'0.5.0'")
        XCTAssertTrue(try lockText().contains("version: 0.5.0"))
    }

    func testAFailedDepsLeavesThePreviousInstallation() throws {
        try writePackages("  - package: acme/text_tools\n    version: 0.3.0\n")
        _ = try deps()
        let lock = try lockText()
        try writePackages("  - package: acme/text_tools\n    version: 0.3.0\n  - package: acme/nowhere\n    version: 1.0.0\n")
        expectFailure("package 'acme/nowhere': not found in the package hub (\(hub.url))")
        try writePackages("  - package: acme/text_tools\n    version: 0.9.0\n")
        expectFailure("package 'acme/text_tools': no version satisfies =0.9.0 (installable: 0.2.0, 0.3.0, 0.4.0)")
        try writePackages("  - tarball: \(hub.url)api/v1/index.json\n    name: broken\n")
        XCTAssertThrowsError(try deps()) { error in
            XCTAssertTrue((error as? DBTError)?.message.hasPrefix("package '\(self.hub.url)api/v1/index.json': \(self.hub.url)api/v1/index.json is not a readable .tar.gz archive") == true,
                          "\(error)")
        }
        try writePackages("  - package: acme/text_tools\n    version: 0.4.0\n")
        hub.stop()
        XCTAssertThrowsError(try deps()) { error in
            XCTAssertTrue((error as? DBTError)?.message.hasPrefix("package 'acme/text_tools': cannot download \(self.hub.url)api/v1/index.json") == true,
                          "\(error)")
        }
        XCTAssertEqual(try installedVersion("text_tools"), "'0.3.0'")
        XCTAssertEqual(try lockText(), lock)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasPrefix(".swiftdbt-deps") }
        XCTAssertEqual(leftovers, [])
    }

    func testGitPackagesAtTagsBranchesAndCommits() throws {
        let repository = try makeGitRepository()
        try writePackages("  - git: \"file://\(repository)\"\n    revision: v0.3.0\n")
        _ = try deps()
        XCTAssertEqual(try installedVersion("text_tools"), "'0.3.0'")
        let tagCommit = try runTool("git", ["rev-parse", "v0.3.0^{commit}"], in: URL(fileURLWithPath: repository)).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(try lockText().contains("revision: \(tagCommit)"))
        try writePackages("  - git: \"file://\(repository)\"\n    revision: develop\n")
        _ = try deps()
        XCTAssertEqual(try installedVersion("text_tools"), "'0.3.1'")
        try writePackages("  - git: \"file://\(repository)\"\n    revision: \(tagCommit)\n")
        _ = try deps()
        XCTAssertEqual(try installedVersion("text_tools"), "'0.3.0'")
        try writePackages("  - git: \"file://\(repository)\"\n")
        XCTAssertEqual(try deps(), ["Warning: The git package \"file://\(repository)\" is not pinned, using HEAD (default branch). "
                                    + "This can introduce breaking changes into your project without warning!"])
        try writePackages("  - git: \"file://\(repository)\"\n    warn-unpinned: false\n    revision: main\n")
        XCTAssertEqual(try deps(), [])
    }

    func testTarballAndGitSubdirectoryPackages() throws {
        let base = URL(fileURLWithPath: (root as NSString).deletingLastPathComponent)
        let mono = base.appendingPathComponent("mono")
        try FileManager.default.createDirectory(at: mono.appendingPathComponent("packages"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: calendarFixture, to: mono.appendingPathComponent("packages/calendar_tools"))
        let git = ["-c", "user.name=test", "-c", "user.email=test@example.invalid"]
        try runTool("git", git + ["init", "--quiet"], in: mono)
        try runTool("git", git + ["add", "."], in: mono)
        try runTool("git", git + ["commit", "--quiet", "-m", "tools"], in: mono)
        try runTool("git", git + ["tag", "v1"], in: mono)
        try writePackages("""
          - tarball: "\(hub.url)tarballs/text_tools-0.2.0.tar.gz"
            name: texts
          - git: "file://\(mono.path)"
            revision: v1
            subdirectory: packages/calendar_tools
        """)
        _ = try deps()
        XCTAssertEqual(try installedVersion("texts"), "'0.2.0'", "installed under the entry's name, as dbt does")
        XCTAssertEqual(try installedVersion("calendar_tools"), "'1.4.0'")
        let lock = try lockText()
        XCTAssertTrue(lock.contains("  - name: texts\n    tarball: \(hub.url)tarballs/text_tools-0.2.0.tar.gz\n"), lock)
        XCTAssertTrue(lock.contains("    subdirectory: packages/calendar_tools\n"), lock)
        try writePackages("  - git: \"file://\(mono.path)\"\n    revision: v1\n    subdirectory: ../outside\n")
        XCTAssertThrowsError(try deps()) { error in
            XCTAssertEqual((error as? DBTError)?.message, "package 'file://\(mono.path)': subdirectory '../outside' not found at revision 'v1'")
        }
    }

    func testAddPackageAndLockOnly() throws {
        try FileManager.default.removeItem(atPath: root + "/packages.yml")
        try DepsTask.run(DepsTask.Options(projectDirectory: root, environment: isolatedEnvironment(["DBT_PACKAGE_HUB_URL": hub.url]),
                                          lockOnly: true, addPackage: try AddedPackage("acme/text_tools@0.3.0", source: .hub)),
                         progress: { _ in }, log: { _ in })
        let specification = try PackageSpecification.load(root: root, environment: .init(), early: EarlyContext(cliVars: [], environment: [:]))
        XCTAssertEqual(specification.entries.map(\.source), [.hub(name: "acme/text_tools", versions: ["0.3.0"], installPrerelease: false)])
        XCTAssertTrue(try lockText().contains("    version: 0.3.0\n"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: root + "/dbt_packages"), "--lock installs nothing")
        XCTAssertThrowsError(try AddedPackage("acme/text_tools", source: .hub)) { error in
            XCTAssertEqual((error as? DBTError)?.kind, .usage)
        }
    }

    func testDependenciesYMLAndEnvVars() throws {
        try FileManager.default.removeItem(atPath: root + "/packages.yml")
        try "packages:\n  - package: \"acme/{{ env_var('TOOLS', 'text_tools') }}\"\n    version: 0.2.0\n"
            .write(toFile: root + "/dependencies.yml", atomically: true, encoding: .utf8)
        _ = try deps()
        XCTAssertEqual(try installedVersion("text_tools"), "'0.2.0'")
        try writePackages("  - package: acme/text_tools\n    version: 0.3.0\n")
        XCTAssertThrowsError(try deps()) { error in
            XCTAssertEqual((error as? DBTError)?.message, "The 'packages' key cannot be specified in both packages.yml and dependencies.yml")
        }
    }

    func testSecretsStayOutOfTheLockAndMessages() throws {
        let repository = try makeGitRepository()
        try writePackages("  - git: \"file://{{ env_var('DBT_ENV_SECRET_REPOSITORY') }}\"\n    revision: v0.3.0\n")
        let environment = isolatedEnvironment(["DBT_PACKAGE_HUB_URL": hub.url, "DBT_ENV_SECRET_REPOSITORY": repository])
        try DepsTask.run(DepsTask.Options(projectDirectory: root, environment: environment), progress: { _ in }, log: { _ in })
        XCTAssertEqual(try installedVersion("text_tools"), "'0.3.0'")
        let lock = try lockText()
        XCTAssertTrue(lock.contains("  - git: file://{{ env_var('DBT_ENV_SECRET_REPOSITORY') }}\n"), "as PyYAML writes it: \(lock)")
        XCTAssertFalse(lock.contains(repository))
        let missing = repository + "-missing"
        XCTAssertThrowsError(try DepsTask.run(DepsTask.Options(projectDirectory: root, environment: environment.merging(
            ["DBT_ENV_SECRET_REPOSITORY": missing]) { $1 }, upgrade: true), progress: { _ in }, log: { _ in })) { error in
            let message = (error as? DBTError)?.message ?? ""
            XCTAssertTrue(message.hasPrefix("package 'file://*****': git clone failed: "), message)
            XCTAssertFalse(message.contains(missing), message)
        }
    }

    func testNoPackagesEmptiesTheInstallFolderAndWritesNoLock() throws {
        try writePackages("  - package: acme/text_tools\n    version: 0.3.0\n")
        _ = try deps()
        try FileManager.default.removeItem(atPath: root + "/package-lock.yml")
        try writePackages("  []\n")
        XCTAssertEqual(try deps(), ["Warning: No packages were found in packages.yml"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root + "/dbt_packages"), [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: root + "/package-lock.yml"))
    }

    func testTheInstallFolderMustBeInsideTheProject() throws {
        try writePackages("  - package: acme/text_tools\n    version: 0.3.0\n")
        for path in ["../outside", ".", "/tmp"] {
            try "name: consumer\nprofile: consumer\npackages-install-path: \"\(path)\"\n"
                .write(toFile: root + "/dbt_project.yml", atomically: true, encoding: .utf8)
            expectFailure("refusing to install packages into '\(path)': packages-install-path must be a folder inside the project")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: (root as NSString).deletingLastPathComponent + "/outside"))
    }

    func testAProjectWithHubGitAndLocalPackagesBuildsThenBuildsWithoutTheServer() throws {
        let repository = try makeGitRepository()
        try FileManager.default.copyItem(at: packageFixtures.appendingPathComponent("local_tools"), to: URL(fileURLWithPath: root + "/local_tools"))
        try writePackages("""
          - package: acme/calendar_tools
            version: [">=1.0.0", "<1.3.0"]
          - git: "file://\(repository)"
            revision: v0.3.0
          - local: local_tools
        """)
        let environment = ["DBT_PACKAGE_HUB_URL": hub.url]
        let installed = try runCLI(["deps"], in: root, environment: environment)
        XCTAssertEqual(installed.code, 0, installed.stderr)
        XCTAssertEqual(installed.stdout, "", "no progress lines when standard output is not a terminal")
        let built = try runCLI(["build"], in: root, environment: environment)
        XCTAssertEqual(built.code, 0, built.stdout + built.stderr)
        XCTAssertTrue(built.stdout.contains("Completed successfully"), built.stdout)
        hub.stop()
        let rebuilt = try runCLI(["build"], in: root, environment: environment)
        XCTAssertEqual(rebuilt.code, 0, rebuilt.stdout + rebuilt.stderr)
        XCTAssertTrue(rebuilt.stdout.contains("3 view models") || rebuilt.stdout.contains("PASS=3"), rebuilt.stdout)
        let failed = try runCLI(["deps", "--upgrade"], in: root, environment: environment)
        XCTAssertEqual(failed.code, 2)
        XCTAssertEqual(failed.stderr.split(separator: "\n").count, 1, failed.stderr)
        XCTAssertTrue(failed.stderr.hasPrefix("package 'acme/calendar_tools': cannot download"), failed.stderr)
    }

    /// Packages' CI scripts run `dbt deps --target postgres --profiles-dir .`: deps takes the profile
    /// options as dbt does and reads no profile (the folder named need not exist).
    func testDepsTakesTheProfileOptionsAndReadsNoProfile() throws {
        try FileManager.default.copyItem(at: packageFixtures.appendingPathComponent("local_tools"), to: URL(fileURLWithPath: root + "/local_tools"))
        try writePackages("  - local: local_tools\n")
        let installed = try runCLI(["deps", "--profiles-dir", "no_such_folder", "--profile", "nobody", "--target", "postgres"], in: root)
        XCTAssertEqual(installed.code, 0, installed.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root + "/package-lock.yml"), installed.stderr)
    }

    /// On a terminal (a pseudo-terminal from `script`), `deps` says which package it fetches and installs.
    func testProgressLinesOnATerminal() throws {
        try writePackages("  - package: acme/text_tools\n    version: 0.3.0\n")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["script", "-qec", "'\(swiftdbtExecutable().path)' deps", "/dev/null"]
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        process.environment = isolatedEnvironment(["DBT_PACKAGE_HUB_URL": hub.url, "NO_COLOR": "1"])
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, text)
        let lines = text.split(whereSeparator: \.isNewline).map { String($0.drop { $0 != " " }.dropFirst(2)) }
        XCTAssertEqual(lines, ["Installing acme/text_tools", "Installed text_tools from version 0.3.0", "Updated package-lock.yml"], text)
    }

    /// A bare repository of the text_tools fixture: tag v0.3.0 on `main`, then a commit on `develop` (version 0.3.1).
    private func makeGitRepository() throws -> String {
        let base = URL(fileURLWithPath: (root as NSString).deletingLastPathComponent)
        let work = base.appendingPathComponent("text_tools_work")
        try FileManager.default.copyItem(at: textFixture, to: work)
        let git = ["-c", "user.name=test", "-c", "user.email=test@example.invalid", "-c", "init.defaultBranch=main"]
        try runTool("git", git + ["init", "--quiet"], in: work)
        try runTool("git", git + ["add", "."], in: work)
        try runTool("git", git + ["commit", "--quiet", "-m", "0.3.0"], in: work)
        try runTool("git", git + ["tag", "v0.3.0"], in: work)
        try runTool("git", git + ["checkout", "--quiet", "-b", "develop"], in: work)
        try "name: text_tools\nversion: '0.3.1'\n".write(to: work.appendingPathComponent("dbt_project.yml"), atomically: true, encoding: .utf8)
        try runTool("git", git + ["commit", "--quiet", "-am", "0.3.1"], in: work)
        let bare = base.appendingPathComponent("text_tools.git").path
        try runTool("git", ["clone", "--quiet", "--bare", work.path, bare])
        return bare
    }
}

/// Lines collected from a callback. `@unchecked Sendable`: guarded by `lock`.
private final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        lines.append(line)
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}
