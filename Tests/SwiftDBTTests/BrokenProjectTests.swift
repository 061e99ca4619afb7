import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// Every project under `Tests/Fixtures/broken` fails with the message and exit code its `expected.json` names.
final class BrokenProjectTests: XCTestCase {
    struct Expectation: Decodable {
        var args: [String]
        var exit: Int32
        var stderr: String
    }

    func testEveryBrokenProjectFailsWithItsMessage() throws {
        XCTAssert(FileManager.default.isExecutableFile(atPath: swiftdbtExecutable().path),
                  "build the swiftdbt executable first (swift build --build-tests)")
        let folder = fixturesFolder.appendingPathComponent("broken")
        let cases = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertGreaterThanOrEqual(cases.count, 34)
        for name in cases {
            let root = try copyFixture("broken/\(name)")
            defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(root)) }
            let expected = try JSONDecoder().decode(Expectation.self,
                                                    from: Data(contentsOf: URL(fileURLWithPath: root).appendingPathComponent("expected.json")))
            let result = try runCLI(expected.args, in: root)
            XCTAssertEqual(result.code, expected.exit, "\(name): \(result.stderr)")
            XCTAssert(result.stderr.contains(expected.stderr), "\(name): expected\n\(expected.stderr)\nin\n\(result.stderr)")
        }
    }
}
