import Foundation
import XCTest
@testable import SwiftDBT

/// The byte-level path and template helpers must answer as the slower definitions they replace.
final class PathTextTests: XCTestCase {
    private func randomTexts(_ alphabet: [String]) -> [String] {
        var state: UInt64 = 7
        return (0..<5000).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (0..<Int(state >> 60)).map { alphabet[Int((state >> UInt64($0 * 3 % 48)) % UInt64(alphabet.count))] }.joined()
        }
    }

    func testFileNameHelpersMatchNSString() {
        for name in randomTexts(["a", "b", ".", "é", ".\u{301}", "_"]) where !name.hasPrefix(".") {
            XCTAssertEqual(FileDiscovery.pathExtension(name), (name as NSString).pathExtension, name)
            XCTAssertEqual(FileDiscovery.deletingPathExtension(name), (name as NSString).deletingPathExtension, name)
        }
        // (No doubled slashes: Foundation's own `lastPathComponent` traps on "ü//é".)
        for path in randomTexts(["a", "/", ".", "é", "ü"]) where !path.hasPrefix("/") && !path.contains("//") {
            XCTAssertEqual(FileDiscovery.lastPathComponent(path), (path as NSString).lastPathComponent, path)
        }
    }

    func testTemplatedMeansABraceFollowedByBraceOrPercent() {
        for text in randomTexts(["{", "%", "}", "a", "é", "{\u{301}"]) {
            XCTAssertEqual(YAMLNode.isTemplated(text), text.contains("{{") || text.contains("{%"), text)
        }
    }
}
