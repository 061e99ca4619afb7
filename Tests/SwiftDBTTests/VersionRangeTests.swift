import XCTest
@testable import SwiftDBT

/// Version ranges as dbt reads `version:` and `require-dbt-version`. Expected values:
/// scripts/record-version-ranges.py (dbt_common.semver of dbt-core 1.10).
final class VersionRangeTests: XCTestCase {
    private func versions(_ texts: [String]) throws -> [SemanticVersion] {
        try texts.map { try XCTUnwrap(SemanticVersion($0), $0) }
    }

    func testRangesAndTheNewestVersionInside() throws {
        let cases: [([String], [String], [String], String)] = [
            ([">=1.0.0", "<2.0.0"], ["0.9.0", "1.0.0", "1.5.3", "2.0.0-b1", "2.0.0", "1.9.9"], ["1.0.0", "1.5.3", "1.9.9"], "1.9.9"),
            ([">1.0.0", "<=1.2.0"], ["1.0.0", "1.0.1", "1.2.0", "1.2.1"], ["1.0.1", "1.2.0"], "1.2.0"),
            (["1.2.3"], ["1.2.2", "1.2.3", "1.2.4"], ["1.2.3"], "1.2.3"),
            (["=1.2.3"], ["1.2.3", "1.2.3-rc1"], ["1.2.3"], "1.2.3"),
            ([">=1.0.0"], ["1.1.0-rc.1", "1.1.0", "0.9.0"], ["1.1.0-rc.1", "1.1.0"], "1.1.0"),
            ([">=1.0.0", "<1.1.0"], ["1.1.0-rc.1", "1.0.5"], ["1.0.5"], "1.0.5"),
            ([">=1.0.0-b2"], ["1.0.0-b1", "1.0.0-b10", "1.0.0"], ["1.0.0"], "1.0.0"),
            ([">=1.0.0", "<2.0.0", ">=1.3.0", "<1.5.0"], ["1.2.9", "1.3.0", "1.4.9", "1.5.0"], ["1.3.0", "1.4.9"], "1.4.9"),
        ]
        for (specifiers, candidates, inside, newest) in cases {
            let range = try XCTUnwrap(VersionRange.allOf(specifiers), "\(specifiers)")
            XCTAssertEqual(try versions(candidates).filter(range.contains).map(\.description), inside, "\(specifiers)")
            XCTAssertEqual(range.newest(of: try versions(candidates))?.description, newest, "\(specifiers)")
        }
    }

    func testConflictingSpecifiers() {
        XCTAssertNil(VersionRange.allOf([">=2.0.0", "<1.5.0"]))
        XCTAssertNil(VersionRange.allOf(["1.2.3", "1.2.4"]))
        XCTAssertNil(VersionRange.allOf([">1.0.0", "<1.0.0"]))
        XCTAssertNotNil(VersionRange.allOf([">=1.0.0", "<=1.0.0"]))
    }

    func testOrderWithPrereleases() throws {
        let sorted = try versions(["0.9.0", "1.0.0-rc1", "1.0.0", "1.1.0b1", "1.0.1"]).sorted()
        XCTAssertEqual(sorted.map(\.description), ["0.9.0", "1.0.0-rc1", "1.0.0", "1.0.1", "1.1.0-b1"])
    }

    func testTextsThatAreNotVersions() {
        for text in ["1.0", "01.0.0", "1.0.0.0", "v1.0.0", "1.0.0-a..b", ""] {
            XCTAssertNil(SemanticVersion(text), text)
        }
        XCTAssertNil(VersionRange(specifier: "~=1.0.0"))
    }
}
