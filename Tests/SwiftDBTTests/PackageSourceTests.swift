import XCTest
@testable import SwiftDBT

/// How `packages.yml` entries are read.
final class PackageSourceTests: XCTestCase {
    private func source(_ entry: [(String, ConfigValue)]) throws -> PackageSource {
        try PackageSource(.dict(entry.map { (key: $0.0, value: $0.1) }), at: FileLocation(path: "packages.yml", line: 2, column: 5))
    }

    func testEntries() throws {
        XCTAssertEqual(try source([("package", .string("acme/x")), ("version", .list([.string(">=1.0.0"), .string("<2.0.0")]))]),
                       .hub(name: "acme/x", versions: [">=1.0.0", "<2.0.0"], installPrerelease: false))
        XCTAssertEqual(try source([("git", .string("https://example.invalid/x.git")), ("warn-unpinned", .bool(false))]),
                       .git(url: "https://example.invalid/x.git", revision: nil, subdirectory: nil, warnUnpinned: false))
        XCTAssertEqual(try source([("private", .string("acme/x"))]),
                       .git(url: "https://github.com/acme/x.git", revision: nil, subdirectory: nil, warnUnpinned: true))
        XCTAssertEqual(try source([("private", .string("acme/x")), ("provider", .string("gitlab")), ("revision", .string("v1"))]),
                       .git(url: "https://gitlab.com/acme/x.git", revision: "v1", subdirectory: nil, warnUnpinned: true))
        XCTAssertEqual(try source([("private", .string("org/project/repo")), ("provider", .string("ado"))]),
                       .git(url: "https://dev.azure.com/org/project/_git/repo", revision: nil, subdirectory: nil, warnUnpinned: true))
    }

    func testEntryErrors() {
        let cases: [([(String, ConfigValue)], String)] = [
            ([("package", .string("acme/x"))], "package 'acme/x' needs a 'version' (a version or a list of ranges)"),
            ([("package", .string("acme/x")), ("version", .string("latest"))],
             "package 'acme/x': 'latest' is not a version or a list of version ranges"),
            ([("tarball", .string("https://example.invalid/x.tar.gz"))], "tarball package 'https://example.invalid/x.tar.gz' needs a 'name'"),
            ([("name", .string("x"))], "a package entry needs one of 'package', 'git', 'private', 'tarball' or 'local'"),
        ]
        for (entry, message) in cases {
            XCTAssertThrowsError(try source(entry)) { error in
                XCTAssertEqual((error as? DBTError)?.message, message)
                XCTAssertEqual((error as? DBTError)?.location?.line, 2)
            }
        }
    }
}
