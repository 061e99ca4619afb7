import Foundation
import XCTest
@testable import Jinja

/// Hostile nesting never overflows the stack: long operator, filter and attribute chains,
/// deep unary and bracket nesting, values that contain themselves or nest thousands deep.
/// Each fails with a `TemplateError` at a location, also on a thread with Dispatch's 512 KB
/// stack. (What Jinja2 itself renders or rejects is in `Corpus/nesting.json`.)
final class NestingLimitTests: XCTestCase {
    let environment = Environment()

    /// 10,000 links of every kind of chain (Jinja2 fails on 1,000 with a RecursionError).
    static let chains: [(String, String)] = [
        ("plus", "{{ " + Array(repeating: "1", count: 10_000).joined(separator: " + ") + " }}"),
        ("minus", "{{ " + Array(repeating: "1", count: 10_000).joined(separator: " - ") + " }}"),
        ("times", "{{ " + Array(repeating: "1", count: 10_000).joined(separator: " * ") + " }}"),
        ("power", "{{ " + Array(repeating: "1", count: 10_000).joined(separator: " ** ") + " }}"),
        ("and", "{{ " + Array(repeating: "1", count: 10_000).joined(separator: " and ") + " }}"),
        ("or", "{{ " + Array(repeating: "0", count: 10_000).joined(separator: " or ") + " }}"),
        ("filters", "{{ 'a'" + String(repeating: "|upper", count: 10_000) + " }}"),
        ("attributes", "{{ x" + String(repeating: ".a", count: 10_000) + " }}"),
        ("items", "{{ x" + String(repeating: "[0]", count: 10_000) + " }}"),
        ("calls", "{{ f" + String(repeating: "()", count: 10_000) + " }}"),
        ("not", "{{ " + String(repeating: "not ", count: 10_000) + "1 }}"),
        ("negate", "{{ " + String(repeating: "-", count: 10_000) + "1 }}"),
        ("parenthesized", "{{ " + String(repeating: "-(", count: 10_000) + "1" + String(repeating: ")", count: 10_000) + " }}"),
        ("nested calls", "{{ " + String(repeating: "range(", count: 10_000) + "1" + String(repeating: ")", count: 10_000) + " }}"),
        ("ternaries", "{{ " + String(repeating: "1 if 0 else ", count: 10_000) + "2 }}"),
        ("lists", "{{ " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + " }}"),
        ("blocks", String(repeating: "{% if 1 %}", count: 10_000) + String(repeating: "{% endif %}", count: 10_000)),
    ]

    func testLongChainsAreSyntaxErrorsAtTheirLocation() {
        for (name, template) in Self.chains {
            let error = renderError(template, ["x": .list([]), "f": .string("")])
            XCTAssertEqual(error?.kind, .syntax, name)
            XCTAssertEqual(error?.message, "template nests deeper than \(Parser.maxNesting) levels", name)
            XCTAssertEqual(error?.templateName, "t.sql", name)
            XCTAssertEqual(error?.location?.line, 1, name)
            XCTAssertGreaterThan(error?.location?.column ?? 0, 40, name)
        }
    }

    func testChainsBelowTheLimitRender() throws {
        XCTAssertEqual(try environment.render("{{ " + Array(repeating: "1", count: 100).joined(separator: " + ") + " }}"), "100")
        XCTAssertEqual(try environment.render("{{ 'a'" + String(repeating: "|lower|upper", count: 50) + " }}"), "A")
        XCTAssertEqual(try environment.render("{{ " + Array(repeating: "1", count: 10_000).joined(separator: " ~ ") + " }}"),
                       String(repeating: "1", count: 10_000))
    }

    func testDeepMacroRecursionOnA512KBStackFailsCleanly() throws {
        let template = """
        {% macro down(n) %}{% if n > 0 %}{{ down(n - 1) ~ ((((((((n)))))))) }}{% endif %}{% endmacro %}{{ down(140) }}
        """
        let error = try onSmallStack { renderError(template) }
        XCTAssertEqual(error?.kind, .limitExceeded)
        XCTAssertEqual(error?.message, "maximum nesting depth exceeded: the template nests too deeply for the stack")
        XCTAssertEqual(error?.location?.line, 1)
    }

    func testDeepNestingBelowTheParserLimitOnA512KBStackFailsCleanly() throws {
        let template = "{{ " + String(repeating: "-(", count: 120) + "1" + String(repeating: ")", count: 120) + " }}"
        let error = try onSmallStack { renderError(template) }
        // A debug build may run out of room while parsing already, a release build while rendering.
        XCTAssert(error?.message.hasSuffix("nests too deeply for the stack") == true, "\(String(describing: error))")
        XCTAssertEqual(error?.location?.line, 1)
    }

    func testValuesNestedThousandsDeepFailWhenPrintedOrCompared() {
        let build = "{% set ns = namespace(x=[], y=[]) %}{% for i in range(5000) %}{% set ns.x = [ns.x] %}{% set ns.y = [ns.y] %}{% endfor %}"
        let nesting = "maximum recursion depth exceeded: a value nests deeper than \(ValueNesting.maxDepth) levels"
        for (expression, message) in [
            ("ns.x", nesting), ("'v' ~ ns.x", nesting), ("ns.x|tojson", nesting), ("ns.x|pprint", nesting),
            ("ns.x < ns.y", nesting),
        ] {
            let error = renderError(build + "{{ \(expression) }}")
            XCTAssertEqual(error?.kind, .limitExceeded, expression)
            XCTAssertEqual(error?.message, message, expression)
            XCTAssertGreaterThan(error?.location?.column ?? 0, build.count, expression)
        }
        XCTAssertEqual(try environment.render(build + "{{ ns.x == ns.y }} {{ ns.x|length }}"), "False 1")
    }

    func testSelfContainingValuesPrintLikePython() throws {
        let list = ListStorage()
        list.items = [.int(1), .list(list)]
        XCTAssertEqual(Value.list(list).repr, "[1, [...]]")
        XCTAssertEqual(try environment.render("{{ x }}", ["x": .list(list)]), "[1, [...]]")
        let error = renderError("{{ x|tojson }}", ["x": .list(list)])
        XCTAssertEqual(error?.kind, .invalidArgument)
        XCTAssertEqual(error?.message, "Circular reference detected")
    }

    func testSelfContainingValuesCompareWithoutRecursingForever() {
        let a = ListStorage(), b = ListStorage()
        a.items = [.list(a)]
        b.items = [.list(b)]
        XCTAssertTrue(Value.equals(.list(a), .list(a)))
        XCTAssertFalse(Value.equals(.list(a), .list(b)))
        XCTAssertThrowsError(try Value.compare(.list(a), .list(b)))
    }

    func testValuesNestedHundredsOfThousandsDeepAreFreedWithoutRecursing() throws {
        let template = """
        {% set ns = namespace(x=[], d={}, kept=[1, [2]]) %}{% for i in range(200000) %}\
        {% set ns.x = [ns.x, ns.kept] %}{% set ns.d = {'k': ns.d, 't': (ns.kept,)} %}{% endfor %}\
        {{ ns.x|length }} {{ ns.d|length }}{% set ns.x = none %}{% set ns.d = none %} {{ ns.kept }}
        """
        XCTAssertEqual(try environment.render(template), "2 2 [1, [2]]")
    }

    /// Runs `body` on a thread with the 512 KB stack Dispatch gives its workers on Linux.
    private func onSmallStack<T: Sendable>(_ body: @escaping @Sendable () -> T) throws -> T {
        let result = Locked<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            result.set(body())
            done.signal()
        }
        thread.stackSize = 512 << 10
        thread.start()
        done.wait()
        return try XCTUnwrap(result.get())
    }
}

/// A value handed between threads under a lock.
private final class Locked<T>: @unchecked Sendable {
    private var value: T
    private let lock = NSLock()
    init(_ value: T) { self.value = value }
    func set(_ newValue: T) { lock.withLock { value = newValue } }
    func get() -> T { lock.withLock { value } }
}
