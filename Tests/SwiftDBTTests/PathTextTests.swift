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

    /// NSString's rules, written out: Foundation on Linux traps on some of these ("a", "ü//é") and keeps or drops
    /// doubled slashes inconsistently, so it cannot be the reference here.
    func testPathTextFollowsNSStringRules() {
        let cases: [(path: String, last: String, folder: String, withoutExtension: String)] = [
            ("", "", "", ""), ("/", "/", "/", "/"), ("///", "/", "/", "/"), ("a", "a", "", "a"),
            ("a.sql", "a.sql", "", "a"), ("/a", "a", "/", "/a"), ("a/", "a", "", "a"),
            ("models/x.sql", "x.sql", "models", "models/x"), ("/abs/models/x.sql", "x.sql", "/abs/models", "/abs/models/x"),
            ("a//b///c.d//", "c.d", "a/b", "a/b/c"), ("a/.hidden", ".hidden", "a", "a/.hidden"),
            ("a.b/c", "c", "a.b", "a.b/c"),
        ]
        for (path, last, folder, withoutExtension) in cases {
            XCTAssertEqual(PathText.lastComponent(path), last, path)
            XCTAssertEqual(PathText.deletingLastComponent(path), folder, path)
            XCTAssertEqual(FileDiscovery.deletingPathExtension(path), withoutExtension, path)
        }
    }

    /// `appending` joins as NSString's `appendingPathComponent` (which does not trap on these, doubled slashes and
    /// non-ASCII included): every pair of 19 paths.
    func testAppendingMatchesNSString() {
        let paths = ["", "/", "a", "a/", "/a", "a//b", "a/b/", "//", "target", "/tmp/x/", "models/x.sql", "é", "./a",
                     "a/./b", "../a", "a/b", "ü//é", "x/../", "//a//"]
        for base in paths {
            for component in paths {
                XCTAssertEqual(PathText.appending(base, component), (base as NSString).appendingPathComponent(component),
                               "\(base) + \(component)")
            }
        }
    }

    /// Paths on which Foundation's own methods trap (they would have crashed swiftdbt).
    func testPathsFoundationCannotRead() {
        XCTAssertEqual(PathText.deletingLastComponent("a"), "")
        XCTAssertEqual(PathText.deletingLastComponent("ü"), "")
        XCTAssertEqual(PathText.lastComponent("ü"), "ü")
        XCTAssertEqual(PathText.lastComponent("ü//é"), "é")
        XCTAssertEqual(PathText.deletingLastComponent("ü//é"), "ü")
        XCTAssertEqual(PathText.deletingLastComponent("/ü//é.db"), "/ü")
        XCTAssertEqual(FileDiscovery.deletingPathExtension("ü//é.sql"), "ü/é")
        XCTAssertEqual(FileDiscovery.folders(of: "/ü//é/x.sql"), ["ü", "é"])
        XCTAssertEqual(PathText.deletingLastComponent("a//b///c//"), "a/b")
        XCTAssertEqual(PathText.lastComponent("///"), "/")
    }

    func testTemplatedMeansABraceFollowedByBraceOrPercent() {
        for text in randomTexts(["{", "%", "}", "a", "é", "{\u{301}"]) {
            XCTAssertEqual(YAMLNode.isTemplated(text), text.contains("{{") || text.contains("{%"), text)
        }
    }
}
