import DeterministicRandom
import XCTest
@testable import Jinja

/// Mutates the conformance templates at random (deterministically) and renders each mutant:
/// every render must give output or a `TemplateError`, never a crash, a hang or another error.
final class MutationFuzzTests: XCTestCase {
    static let mutantsPerTemplate = 60

    func testRandomMutantsRenderOrFailCleanly() throws {
        var environment = Environment()
        environment.limits.maxLoopIterations = 20_000
        environment.limits.maxOutputBytes = 1 << 20
        environment.limits.maxCallDepth = 50
        let cases = try ConformanceCase.load()
        var random = SplitMix64(seed: 0x5157_4442_5446)
        var rendered = 0, failed = 0
        for testCase in cases {
            for _ in 0..<Self.mutantsPerTemplate {
                let mutant = Mutator.mutate(testCase.template, using: &random)
                do {
                    _ = try environment.render(mutant, testCase.context, name: testCase.name)
                    rendered += 1
                } catch is TemplateError {
                    failed += 1
                } catch {
                    XCTFail("untyped error \(error) for mutant \(mutant.debugDescription)")
                }
            }
        }
        XCTAssertEqual(rendered + failed, cases.count * Self.mutantsPerTemplate)
        XCTAssertGreaterThan(rendered, 0)
        XCTAssertGreaterThan(failed, 0)
    }
}

/// Random edits that keep mutants close to real templates: deletions, duplications, and
/// insertions of Jinja syntax fragments.
enum Mutator {
    static let fragments = [
        "{{", "}}", "{%", "%}", "{#", "#}", "-", "(", ")", "[", "]", "{", "}", "|", ".", ",", "'", "\"", ":",
        " if ", " else ", " for ", " in ", " not ", " is ", " and ", "endfor", "endif", "endmacro", " set ",
        "**", "//", "%", "~", "*", "99999999999999999999999", "0", "-1", "none", "loop", "caller()", "range(",
        "{% for x in range(3) %}", "{% endfor %}", "{% if x %}", "{% endif %}", "{% macro m() %}", "{{ m() }}",
        "| join", "| int", "| default(", ".items()", "[::-1]", "varargs", "\\", "\n",
    ]

    static func mutate(_ template: String, using random: inout SplitMix64) -> String {
        var scalars = Array(template.unicodeScalars)
        for _ in 0..<(1 + Int(random.next() % 3)) {
            let position = scalars.isEmpty ? 0 : Int(random.next() % UInt64(scalars.count + 1))
            switch random.next() % 4 {
            case 0 where !scalars.isEmpty:
                let end = min(scalars.count, position + 1 + Int(random.next() % 6))
                scalars.removeSubrange(min(position, end)..<end)
            case 1 where !scalars.isEmpty:
                let start = min(position, scalars.count - 1)
                let end = min(scalars.count, start + 1 + Int(random.next() % 12))
                scalars.insert(contentsOf: scalars[start..<end], at: start)
            default:
                let fragment = fragments[Int(random.next() % UInt64(fragments.count))]
                scalars.insert(contentsOf: fragment.unicodeScalars, at: min(position, scalars.count))
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
