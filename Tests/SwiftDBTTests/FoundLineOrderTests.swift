import Foundation
import TestSupport
import XCTest

/// The "Found ..." line lists the node types in the order dbt-core 1.10's parser meets them: "data tests" before
/// the seeds when the project has a singular test, after them when its tests are all generic; with and without
/// snapshots, analyses, unit tests, sources and exposures. Each variant of Tests/Fixtures/resource_types is
/// compared with dbt's line (`expected-found-line.json`, recorded by scripts/record-found-line.py), the macro
/// count aside (dbt's counts its own global project's macros).
final class FoundLineOrderTests: XCTestCase {
    private var roots: [String] = []

    override func tearDownWithError() throws {
        for root in roots { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
    }

    private static func withoutMacros(_ line: String) -> [String] {
        (line.components(separatedBy: "Found ").last ?? "").components(separatedBy: ", ").filter { !$0.hasSuffix(" macros") }
    }

    func testTypesInTheOrderDbtParsesThem() throws {
        let reference = try ResourceTypesFixture.reference("expected-found-line.json")
        let variants = try XCTUnwrap(reference["variants"] as? [String: [String: Any]])
        XCTAssertEqual(variants.count, 6)
        for (name, variant) in variants.sorted(by: { $0.key < $1.key }) {
            let root = try ResourceTypesFixture.copy()
            roots.append(root)
            for path in try XCTUnwrap(variant["removed"] as? [String]) {
                try FileManager.default.removeItem(atPath: root + "/" + path)
            }
            for (path, text) in try XCTUnwrap(variant["written"] as? [String: String]) {
                let file = root + "/" + path
                try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try text.write(toFile: file, atomically: true, encoding: .utf8)
            }
            let parse = try runCLI(["parse", "--profiles-dir", root], in: root)
            XCTAssertEqual(parse.code, 0, "\(name): \(parse.stdout)\(parse.stderr)")
            let found = try XCTUnwrap(parse.stdout.split(separator: "\n").first { $0.contains("Found ") }, name)
            XCTAssertEqual(Self.withoutMacros(String(found)), Self.withoutMacros(try XCTUnwrap(variant["found"] as? String)), name)
        }
    }
}
