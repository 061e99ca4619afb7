import XCTest
@testable import SwiftDBT

/// Splitting by bytes must cut exactly where `String.split` cuts.
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
}
