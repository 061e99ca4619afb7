import Foundation
import XCTest
@testable import Jinja

/// Renders the snapshot corpus in `Corpus/*.json`: cases whose expected output was recorded
/// with the reference Jinja2 by `scripts/record-jinja-corpus.py`.
final class CorpusTests: XCTestCase {
    func testCorpus() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        var total = 0
        var failures: [String] = []
        for file in files {
            let cases = try ConformanceCase.load(from: folder.appendingPathComponent(file))
            total += cases.count
            failures += cases.compactMap { $0.run().map { "\(file): \($0)" } }
        }
        XCTAssertGreaterThan(total, 0, "the corpus is empty")
        XCTAssert(failures.isEmpty, "\(failures.count) of \(total) corpus cases failed:\n" + failures.joined(separator: "\n"))
    }
}
