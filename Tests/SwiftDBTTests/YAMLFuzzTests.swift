import DeterministicRandom
import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// Fuzzes the YAML readers (the fast reader and Yams) and the project loader with random
/// documents: fixture YAML mutated, and documents generated from YAML's syntax (block and flow
/// collections, anchors, aliases and alias bombs, block scalars, tags, deep nesting). Each must
/// load or fail with `DBTError`s, without a crash, a hang or unbounded memory. A few seconds in
/// the normal run; `SWIFTDBT_FUZZ_SECONDS=600` for a real run (README: Fuzzing).
final class YAMLFuzzTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-yamlfuzz-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/models", withIntermediateDirectories: true)
        try "select 1 as id\n".write(toFile: root + "/models/m.sql", atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(atPath: root)
    }

    func testRandomYAMLLoadsOrFailsCleanly() throws {
        let seeds = try Self.fixtureYAML()
        XCTAssertGreaterThan(seeds.count, 5)
        var run = FuzzRun(defaultSeconds: 3, defaultSeed: 0x5941_4D4C_4655_5A5A)
        var random = SplitMix64(seed: run.seed)
        var loaded = 0, failed = 0
        var untyped: [String] = []
        while run.hasTimeLeft {
            let text = YAMLGenerator.input(seeds, using: &random)
            let asProject = random.below(20) == 0
            run.run(text) {
                do {
                    if asProject {
                        try load(text, as: random.below(2) == 0 ? "dbt_project.yml" : "models/schema.yml")
                    } else {
                        _ = try YAMLNode.parse(text, path: "fuzz.yml")
                    }
                    loaded += 1
                } catch is DBTError, is DBTErrors {
                    failed += 1
                } catch {
                    untyped.append("\(error) for \(text.debugDescription)")
                }
            }
        }
        print("YAML fuzz: \(run.summary), \(loaded) loaded, \(failed) failed")
        XCTAssert(untyped.isEmpty, "untyped errors:\n" + untyped.joined(separator: "\n"))
        XCTAssertLessThan(run.slowest.seconds, 10, "slowest input: \(run.slowest.input.debugDescription)")
        XCTAssertLessThan(FuzzRun.peakMemory, 2 << 30)
        XCTAssertGreaterThan(loaded, 0)
        XCTAssertGreaterThan(failed, 0)
    }

    /// Loads the project with `text` as `file` (a project file keeps its name and profile first).
    private func load(_ text: String, as file: String) throws {
        let project = "name: fuzz\nprofile: fuzz\n"
        try (file == "dbt_project.yml" ? project + text : project).write(toFile: root + "/dbt_project.yml", atomically: true, encoding: .utf8)
        try (file == "dbt_project.yml" ? "" : text).write(toFile: root + "/models/schema.yml", atomically: true, encoding: .utf8)
        _ = try loadProject(root)
    }

    /// The YAML files of the fixture projects.
    static func fixtureYAML() throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: fixturesFolder.path)
        var texts: [String] = []
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".yml") else { continue }
            texts.append(try String(contentsOfFile: fixturesFolder.appendingPathComponent(path).path, encoding: .utf8))
        }
        return texts
    }
}

/// Random YAML: fixture files mutated, or documents generated from YAML's syntax.
enum YAMLGenerator {
    static let fragments = [
        ":", " ", "\n", "  ", "- ", "-", "[", "]", "{", "}", ",", "&a ", "*a", "&b ", "*b", "!!str ", "!!int ", "? ", "|",
        ">-", "'", "\"", "#", "---\n", "...\n", "\t", "\\", "%YAML 1.1\n", "null", "~", "0x1F", "1e400", ".inf", "yes",
        "\u{FEFF}", "\u{85}", "é", "<<: *a\n",
    ]

    static func input(_ seeds: [String], using random: inout SplitMix64) -> String {
        switch random.below(5) {
        case 0, 1:
            var scalars = Array(seeds[random.below(seeds.count)].unicodeScalars)
            for _ in 0...random.below(4) {
                let position = random.below(scalars.count + 1)
                switch random.below(3) {
                case 0 where !scalars.isEmpty:
                    scalars.removeSubrange(position..<min(scalars.count, position + 1 + random.below(8)))
                case 1 where !scalars.isEmpty:
                    let start = min(position, scalars.count - 1)
                    scalars.insert(contentsOf: scalars[start..<min(scalars.count, start + 1 + random.below(20))], at: start)
                default:
                    scalars.insert(contentsOf: fragments[random.below(fragments.count)].unicodeScalars, at: position)
                }
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            return String(view)
        case 2:
            return bomb(levels: 1 + random.below(9), width: 1 + random.below(12))
        default:
            return "version: 2\n" + mapping(indent: 0, depth: 0, using: &random)
        }
    }

    /// Aliases of aliases: `width^levels` nodes when expanded.
    static func bomb(levels: Int, width: Int) -> String {
        var lines = ["l0: &l0 [" + Array(repeating: "x", count: width).joined(separator: ", ") + "]"]
        for level in 1..<max(levels, 2) {
            lines.append("l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: width).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func mapping(indent: Int, depth: Int, using random: inout SplitMix64) -> String {
        let pad = String(repeating: " ", count: indent)
        var out = ""
        for index in 0..<(1 + random.below(4)) {
            out += pad + ["models", "name", "columns", "tests", "config", "k\(index)", "'q k'", "vars"][random.below(8)] + ":"
            out += value(indent: indent, depth: depth, using: &random)
        }
        return out
    }

    static func value(indent: Int, depth: Int, using random: inout SplitMix64) -> String {
        let pad = String(repeating: " ", count: indent + 2)
        switch depth > 8 ? random.below(4) : random.below(10) {
        case 0: return " " + ["1", "-2.5", "true", "null", "~", "plain text", "'quoted'", "\"esc\\n\"", "2024-01-01", "0o17"][random.below(10)] + "\n"
        case 1: return " &a " + ["x", "[1, 2]", "{a: 1}"][random.below(3)] + "\n"
        case 2: return " *a\n"
        case 3: return " [" + (0..<random.below(5)).map { _ in ["1", "a", "[b]", "{c: d}", "*a"][random.below(5)] }.joined(separator: ", ") + "]\n"
        case 4: return " |\n" + pad + "line one\n" + pad + "line two\n"
        case 5:
            // Deep flow nesting, sometimes past every limit.
            let levels = random.below(random.below(3) == 0 ? 2_000 : 50)
            return " " + String(repeating: "[", count: levels) + String(repeating: "]", count: levels) + "\n"
        case 6, 7: return "\n" + mapping(indent: indent + 2, depth: depth + 1, using: &random)
        default:
            var out = "\n"
            for _ in 0..<(1 + random.below(3)) {
                out += pad + "-" + value(indent: indent + 2, depth: depth + 1, using: &random)
            }
            return out
        }
    }
}

extension SplitMix64 {
    /// A number in `0..<bound` (0 when `bound` is not positive).
    mutating func below(_ bound: Int) -> Int {
        bound > 0 ? Int(next() % UInt64(bound)) : 0
    }
}
