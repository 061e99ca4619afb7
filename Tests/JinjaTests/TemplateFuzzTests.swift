import DeterministicRandom
import Foundation
import TestSupport
import XCTest
@testable import Jinja

/// Fuzzes the template engine with random templates: corpus templates mutated and spliced, and
/// templates generated from the grammar (deep and long expressions, every filter and test, nested
/// blocks and macros, self-containing values). Every render must give output or a `TemplateError`,
/// on a thread with Dispatch's 512 KB stack, without a crash, a hang or unbounded memory.
/// A few seconds in the normal run; `SWIFTDBT_FUZZ_SECONDS=600` for a real run (README: Fuzzing).
final class TemplateFuzzTests: XCTestCase {
    func testRandomTemplatesRenderOrFailCleanly() throws {
        let corpus = try Self.corpusTemplates()
        XCTAssertGreaterThan(corpus.count, 100)
        let report = try onSmallStack { Self.fuzz(corpus) }
        print("template fuzz: " + report.summary)
        XCTAssert(report.untyped.isEmpty, "untyped errors:\n" + report.untyped.joined(separator: "\n"))
        XCTAssertLessThan(report.slowest, 10, "an input took \(report.slowest) s")
        XCTAssertLessThan(FuzzRun.peakMemory, 2 << 30)
        XCTAssertGreaterThan(report.rendered, 0)
        XCTAssertGreaterThan(report.failed, 0)
    }

    struct Report: Sendable {
        var summary = ""
        var untyped: [String] = []
        var slowest = 0.0
        var rendered = 0, failed = 0
    }

    static func fuzz(_ corpus: [String]) -> Report {
        var environment = Environment()
        environment.limits.maxLoopIterations = 20_000
        environment.limits.maxOutputBytes = 1 << 20
        environment.limits.maxCallDepth = 60
        var run = FuzzRun(defaultSeconds: 3, defaultSeed: 0x4A49_4E4A_4146_555A)
        var random = SplitMix64(seed: run.seed)
        var report = Report()
        let context: [String: Value] = [
            "x": .list([.int(1), .int(2), .int(3)]), "s": .string("a b\u{e9}"), "n": .int(7),
            "d": .dict([("a", .int(1)), ("b", .list([.string("c")]))]),
            "items": .list([.dict([("k", .int(2))]), .dict([("k", .int(1))])]),
        ]
        while run.hasTimeLeft {
            let template = TemplateGenerator.input(corpus, using: &random)
            run.run(template) {
                do {
                    _ = try environment.render(template, context, name: "fuzz.sql")
                    report.rendered += 1
                } catch is TemplateError {
                    report.failed += 1
                } catch {
                    report.untyped.append("\(error) for \(template.debugDescription)")
                }
            }
        }
        report.slowest = run.slowest.seconds
        report.summary = run.summary + ", \(report.rendered) rendered, \(report.failed) failed"
        return report
    }

    /// Every template of the snapshot corpus.
    static func corpusTemplates() throws -> [String] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
            .flatMap { try ConformanceCase.load(from: folder.appendingPathComponent($0)).map(\.template) }
    }

    /// Runs `body` on a thread with the 512 KB stack Dispatch gives its workers on Linux.
    private func onSmallStack(_ body: @escaping @Sendable () -> Report) throws -> Report {
        final class Box: @unchecked Sendable { var report: Report? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.report = body()
            done.signal()
        }
        thread.stackSize = 512 << 10
        thread.start()
        done.wait()
        return try XCTUnwrap(box.report)
    }
}

/// Random templates: mutated or spliced corpus templates, or generated from Jinja's grammar.
enum TemplateGenerator {
    static func input(_ corpus: [String], using random: inout SplitMix64) -> String {
        switch random.below(6) {
        case 0, 1:
            var template = corpus[random.below(corpus.count)]
            for _ in 0...random.below(3) { template = Mutator.mutate(template, using: &random) }
            return template
        case 2:
            let first = corpus[random.below(corpus.count)], second = corpus[random.below(corpus.count)]
            return String(first.prefix(random.below(first.count + 1))) + String(second.suffix(random.below(second.count + 1)))
        default:
            return statements(depth: 0, using: &random)
        }
    }

    static let names = ["x", "s", "n", "d", "items", "missing", "loop", "ns", "y", "caller", "varargs", "kwargs"]
    static let attributes = ["a", "k", "items", "keys", "values", "upper", "append", "split", "format", "real", "0", "index", "length", "first"]
    static let binaries = [" + ", " - ", " * ", " / ", " // ", " % ", " ** ", " ~ ", " and ", " or ", " == ", " != ",
                           " < ", " <= ", " > ", " >= ", " in ", " not in "]
    static let filters = Array(BuiltinFilters.all.keys).sorted()
    static let tests = Array(BuiltinTests.all.keys).sorted()

    static func statements(depth: Int, using random: inout SplitMix64) -> String {
        var out = ""
        for _ in 0..<(1 + random.below(4)) {
            let e = expression(depth: 0, using: &random)
            switch depth > 6 ? 0 : random.below(11) {
            case 0, 1: out += "{{ \(e) }}"
            case 2: out += "text \(random.below(100)) "
            case 3: out += "{% if \(e) %}\(statements(depth: depth + 1, using: &random)){% else %}\(statements(depth: depth + 1, using: &random)){% endif %}"
            case 4: out += "{% for y in \(e) %}\(statements(depth: depth + 1, using: &random)){% else %}e{% endfor %}"
            case 5: out += "{% set y = \(e) %}"
            case 6: out += "{% macro m(a, b=\(e)) %}\(statements(depth: depth + 1, using: &random)){% endmacro %}{{ m(\(e)) }}"
            case 7: out += "{% set ns = namespace(v=\(e)) %}{% set ns.v = [ns.v, ns.v] %}{{ ns.v }}"
            case 8: out += "{% set y = [\(e)] %}{% do y.append(y) %}{{ y }}{{ y == y }}{{ y|length }}"
            case 9: out += "{% filter \(filters[random.below(filters.count)]) %}\(statements(depth: depth + 1, using: &random)){% endfilter %}"
            default: out += "{% with y = \(e) %}\(statements(depth: depth + 1, using: &random)){% endwith %}"
            }
        }
        return out
    }

    static func expression(depth: Int, using random: inout SplitMix64) -> String {
        if depth > 5 || random.below(4) == 0 { return atom(using: &random) }
        let inner = expression(depth: depth + 1, using: &random)
        switch random.below(12) {
        case 0: return inner + binaries[random.below(binaries.count)] + expression(depth: depth + 1, using: &random)
        case 1: return ["not ", "-", "+"][random.below(3)] + inner
        case 2: return "(\(inner))"
        case 3: return "[\(inner), \(atom(using: &random))]"
        case 4: return "{\(atom(using: &random)): \(inner)}"
        case 5: return inner + "." + attributes[random.below(attributes.count)]
        case 6: return inner + "[\(atom(using: &random))]"
        case 7: return inner + "[\(random.below(3)):\(random.below(5) - 2)]"
        case 8: return inner + "|" + filters[random.below(filters.count)] + (random.below(2) == 0 ? "" : "(\(atom(using: &random)))")
        case 9: return inner + " is " + tests[random.below(tests.count)]
        case 10: return "\(inner) if \(atom(using: &random)) else \(expression(depth: depth + 1, using: &random))"
        default:
            // A long chain of one operator, filter or attribute, up to past the nesting limit.
            let length = 1 + random.below(random.below(4) == 0 ? 400 : 40)
            let link = [" + 1", " ~ 'a'", " and 1", "|string", ".a", "[0]", " or 0"][random.below(7)]
            return inner + String(repeating: link, count: length)
        }
    }

    static func atom(using random: inout SplitMix64) -> String {
        switch random.below(9) {
        case 0: return String(Int(bitPattern: UInt(random.next())) >> random.below(64))
        case 1: return "99999999999999999999999999"
        case 2: return "\(random.below(1000)).5e\(random.below(40))"
        case 3: return ["'a'", "\"b\\n\"", "'%s %d'", "'{0}{x}'", "'é\\u00e9'", "''"][random.below(6)]
        case 4: return ["none", "true", "False"][random.below(3)]
        case 5: return "range(\(random.below(30)))"
        case 6: return "[]"
        default: return names[random.below(names.count)]
        }
    }
}

extension SplitMix64 {
    /// A number in `0..<bound` (0 when `bound` is not positive).
    mutating func below(_ bound: Int) -> Int {
        bound > 0 ? Int(next() % UInt64(bound)) : 0
    }
}
