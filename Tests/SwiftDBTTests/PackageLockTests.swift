import Foundation
import XCTest
@testable import SwiftDBT

/// `package-lock.yml`'s `sha1_hash` as dbt computes it (expected values: scripts/record-lock-hashes.py,
/// dbt-core 1.10), and the SHA-1 it rests on (expected values: Python's hashlib).
final class PackageLockTests: XCTestCase {
    private func hash(_ yaml: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try yaml.write(to: folder.appendingPathComponent("packages.yml"), atomically: true, encoding: .utf8)
        return PackageLock.hash(of: try PackageSpecification.load(root: folder.path, environment: .init(),
                                                                           early: EarlyContext(cliVars: [], environment: [:])))
    }

    func testHashesMatchDBT() throws {
        XCTAssertEqual(try hash("""
            packages:
              - local: ../libpkg
              - git: "file:///tmp/pklock/bare.git"
                revision: v0.1.0
            """), "37eadc470790b01abe357a6324e357a87804f00a")
        XCTAssertEqual(try hash("""
            packages:
              - package: acme/calendar_tools
                version: [">=1.0.0", "<2.0.0"]
              - package: acme/text_tools
                version: 0.3.0
                install_prerelease: true
              - git: "https://{{ env_var('GIT_HOST', 'git.example.invalid') }}/acme/tools.git"
                revision: main
                subdirectory: packages/tools
                warn-unpinned: false
              - tarball: "https://example.invalid/archive.tar.gz"
                name: archived
            """), "f45540ded955b232bdf3c51f18e20626ced3b06f")
    }

    func testSHA1() {
        XCTAssertEqual(HexDigest.sha1(""), "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        XCTAssertEqual(HexDigest.sha1("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d")
        XCTAssertEqual(HexDigest.sha1(String(repeating: "a", count: 55)), "c1c8bbdc22796e28c0e15163d20899b65621d65a")
        XCTAssertEqual(HexDigest.sha1(String(repeating: "a", count: 56)), "c2db330f6083854c99d4b5bfb6e8f29f201be699")
        XCTAssertEqual(HexDigest.sha1(String(repeating: "a", count: 64)), "0098ba824b5c16427bd7a1122a5a442a25ec644d")
        XCTAssertEqual(HexDigest.sha1("héllo\nwörld"), "4d29894ffae289343b0b19ec12f36c1536cb6977")
        XCTAssertEqual(HexDigest.sha1(String(repeating: "x", count: 1000)), "c3efa690fa3fdd2e2526853eed670538ea127638")
    }
}
