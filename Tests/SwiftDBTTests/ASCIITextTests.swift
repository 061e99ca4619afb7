import XCTest
@testable import SwiftDBT

/// Splitting by bytes must cut exactly where `String.split` cuts; trimming must trim what Foundation trims.
final class ASCIITextTests: XCTestCase {
    func testSplitMatchesStringSplit() {
        let alphabet: [String] = ["a", "b", ".", "/", "é", "/\u{301}", "_"]
        var state: UInt64 = 42
        for _ in 0..<5000 {
            var text = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for position in 0..<Int(state >> 60) {
                text += alphabet[Int((state >> UInt64(position * 3 % 48)) % UInt64(alphabet.count))]
            }
            for separator in [".", "/"] as [Character] {
                for maxSplits in [0, 1, 2, Int.max] {
                    XCTAssertEqual(ASCIIText.split(text, separator, maxSplits: maxSplits),
                                   text.split(separator: separator, maxSplits: maxSplits).map(String.init), "\(text) \(maxSplits)")
                }
            }
        }
    }

    func testTrimmingWhitespacesMatchesFoundation() {
        let cases = ["", " ", "\t", "abc", " abc", "abc ", "\tabc\t", "a b", "\u{00A0}abc", "abc\u{2009}", "é", " é ", "\u{3000}x",
                     "abc\n", "\nabc", "x\u{301}", "\u{1680}"]
        for text in cases {
            XCTAssertEqual(ASCIIText.trimmingWhitespaces(text), text.trimmingCharacters(in: .whitespaces), text.debugDescription)
        }
    }
}
