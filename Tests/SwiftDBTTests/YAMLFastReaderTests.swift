import DeterministicRandom
import Foundation
import XCTest
@testable import SwiftDBT

/// The fast YAML reader must give exactly what the composer over libYAML's events gives (values, scalar
/// resolution, lines and columns, duplicate keys), and must decline whatever libYAML rejects.
final class YAMLFastReaderTests: XCTestCase {
    /// Documents covering the accepted subset and its edges (several are declined, which is fine).
    static let cases: [String] = [
        "",
        "# only a comment\n\n",
        "version: 2\n",
        "a: 1\nb: 'two'\nc: \"three\"\nd:\ne: ~\nf: yes\ng: 0o17\nh: 1_000\ni: 1.5\nj: .inf\nk: -3\nl: 1e5\nm: 012\n",
        "models:\n  - name: orders\n    description: \"Orders, one per row\"\n    columns:\n      - name: id\n        data_tests:\n          - unique\n          - not_null\n",
        "models:\n- name: a\n  data_tests:\n  - unique\n  - accepted_values:\n      values: [1, 2, 'x', \"y\"]\n      quote: false\nother: 1\n",
        "- a\n- b\n-   c: 1\n    d: 2\n-\n  e: 3\n",
        "key:   value with spaces   # and a comment\nnext: x#y\nurl: http://x.y/z\ntime: 12:30\n",
        "q: 'it''s'\nr: \"a \\\"b\\\" \\\\ c\\n\"\ns: ''\nt: \"\"\n",
        "meta: {}\nlist: []\nflow: [ a , b c , -1, 'd e' ]\n",
        "'quoted key': 1\n\"other key\"  : 2\n",
        "nested:\n    deep:\n        deeper: 1\n    back: 2\ntop: 3\n",
        "a:\n  - x\n  -\n    y: 1\nb: 2\n",
        "  indented: root\n  second: 2\n",
        "name: é\nnäme: ü\n- x\n",
        "description: \"ünï\"\nk: 名前: x\n",
        "- 名前: value\n  次: v\n",
        "empty:\n# comment\nafter: 1\n",
        "trailing: value   \n",
        // Declined or invalid: Yams decides.
        "a: 1\na: 2\n",
        "k1: 1\nk2: 2\nk3: 3\nk4: 4\nk5: 5\nk6: 6\nk7: 7\nk8: 8\nk9: 9\nk3: 10\n",
        "k1: 1\nk2: 2\nk3: 3\nk4: 4\nk5: 5\nk6: 6\nk7: 7\nk8: 8\nk9: 9\nk10: 10\nk9: 11\n",
        "k1: 1\nk2: 2\nk3: 3\nk4: 4\nk5: 5\nk6: 6\nk7: 7\nk8: 8\nk1: 9\n",
        "k1: 1\nk2: 2\nk3: 3\nk4: 4\nk5: 5\nk6: 6\nk7: 7\nk8: 8\nk9: 9\nk10: 10\n",
        "a: |\n  text\n",
        "a: >\n  text\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "---\na: 1\n",
        "a: 1\n...\n",
        "%YAML 1.1\n---\na: 1\n",
        "a: multi\n  line\n",
        "a: [1,\n  2]\n",
        "a: {b: 1}\n",
        "a:\tb\n",
        "a: 1\r\nb: 2\r\n",
        "a: b: c\n",
        "- - x\n",
        "a: - x\n",
        "a: 'unterminated\n",
        "a: \"bad \\q escape\"\n",
        "a: [x, ]\n",
        "a: [x, [y]]\n",
        "a: 'x' y\n",
        "? complex\n: value\n",
        "a: 1\n - b\n",
        "a:\n  b: 1\n c: 2\n",
        "-\n- x\n",
        "just a scalar\n",
        "a: @x\n",
        "a: `x`\n",
        "a: %x\n",
        "a:\n  - x\n  y: 1\n",
        "key:value\n",
        "a: 1 # c\n  # indented comment\nb: 2\n",
        "x: [a: b]\n",
        "x: 'a'#b\n",
        "x: \"\\u00e9\"\n",
        "\u{FEFF}a: 1\n",
        "a: \u{85}b\n",
        "a: x \u{2028} y\n",
        "-1: neg\n-x: y\n",
        "a: -\n",
        "a: -x\nb: -1.5\nc: +1\nd: .5\ne: 0x1F\n",
    ]

    func testAgreesWithYamsOnCasesAndFixtures() throws {
        var documents = YAMLFastReaderTests.cases
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
        let enumerator = FileManager.default.enumerator(atPath: fixtures.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".yml") || relative.hasSuffix(".yaml"),
                  !relative.split(separator: "/").contains("target") else { continue }
            documents.append(try String(contentsOf: fixtures.appendingPathComponent(relative), encoding: .utf8))
        }
        var accepted = 0
        for document in documents {
            if try compare(document) { accepted += 1 }
        }
        XCTAssertGreaterThan(accepted, 20)
    }

    /// Lines removed, duplicated, re-indented and cut short: every variant agrees with Yams or is declined.
    func testAgreesWithYamsOnMutations() throws {
        var generator = SplitMix64(seed: 7)
        let bases = YAMLFastReaderTests.cases.filter { $0.count > 20 }
        var accepted = 0
        for _ in 0..<4000 {
            var lines = bases[Int(generator.next() % UInt64(bases.count))].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for _ in 0..<(1 + Int(generator.next() % 3)) {
                guard !lines.isEmpty else { break }
                let index = Int(generator.next() % UInt64(lines.count))
                switch generator.next() % 6 {
                case 0: lines.remove(at: index)
                case 1: lines.insert(lines[index], at: index)
                case 2: lines[index] = " " + lines[index]
                case 3: lines[index] = String(lines[index].dropFirst())
                case 4: lines[index] = String(lines[index].prefix(Int(generator.next() % UInt64(lines[index].count + 1))))
                default:
                    let pieces = [":", " ", "- ", "#", "'", "\"", "[", "]", "{}", ",", "x"]
                    var line = Array(lines[index])
                    line.insert(contentsOf: pieces[Int(generator.next() % UInt64(pieces.count))], at: Int(generator.next() % UInt64(line.count + 1)))
                    lines[index] = String(line)
                }
            }
            if try compare(lines.joined(separator: "\n")) { accepted += 1 }
        }
        print("fast reader accepted \(accepted) of 4000 mutated documents")
        XCTAssertGreaterThan(accepted, 1000)
    }

    /// A key written twice keeps its first place and its last value, as PyYAML gives it
    /// (`yaml.safe_load('a: 1\nb: 2\na: 3\n')` is `{'a': 3, 'b': 2}`), with a warning naming both lines.
    func testADuplicateKeyKeepsTheLastValueWithAWarning() throws {
        var warnings: [String] = []
        let root = try XCTUnwrap(try YAMLNode.parse("a: 1\nb: 2\na: 3\n", path: "f.yml", warnings: &warnings))
        XCTAssertEqual(root.value, .dict([("a", .int(3)), ("b", .int(2))]))
        XCTAssertEqual(warnings, ["[WARNING]: f.yml:3:1: duplicate key 'a' (first at line 1): the value at line 3 is used, "
                                  + "as dbt's YAML reader does"])
        warnings = []
        let nested = try XCTUnwrap(try YAMLNode.parse("models:\n  - name: x\n    description: one\n    description: two\n",
                                                      path: "m.yml", warnings: &warnings))
        XCTAssertEqual(nested.value, .dict([("models", .list([.dict([("name", .string("x")), ("description", .string("two"))])]))]))
        XCTAssertEqual(warnings.count, 1)
        XCTAssertEqual(try YAMLNode.parse("a:\n  b: 1\na:\n  c: 2\n", path: "f.yml")?.value, .dict([("a", .dict([("c", .int(2))]))]))
    }

    /// Whether the fast reader accepted `document` (and, if so, agreed with libYAML's events, duplicate keys too).
    private func compare(_ document: String) throws -> Bool {
        let fast = YAMLFastReader.read(document, path: "f.yml")
        var warnings: [String] = []
        let composed: Result<YAMLNode?, Error> = Result { try YAMLNode.composed(document, path: "f.yml", warnings: &warnings) }
        guard let fast else { return false }
        switch (fast, composed) {
        case (.empty, .success(nil)):
            return true
        case (.node(let node, let duplicates), .success(let expected?)):
            XCTAssertEqual(dump(node), dump(expected), "document:\n\(document)")
            XCTAssertEqual(duplicates.map(\.warning), warnings, "document:\n\(document)")
            return true
        default:
            XCTFail("fast reader accepted what libYAML reads differently (\(composed)):\n\(document)")
            return true
        }
    }

    private func dump(_ node: YAMLNode) -> String {
        let at = "@\(node.location.line):\(node.location.column)"
        switch node.kind {
        case .null: return "null" + at
        case .scalar(let value): return "\(value)" + at
        case .sequence(let items): return "[" + items.map(dump).joined(separator: ", ") + "]" + at
        case .mapping(let pairs): return "{" + pairs.map { "\($0.key): \(dump($0.value))" }.joined(separator: ", ") + "}" + at
        }
    }
}
