import XCTest
@testable import Jinja

/// Every error names the template, line and column, shows the line, and (inside macros) the call chain.
final class ErrorLocationTests: XCTestCase {
    func testUnknownFilterInsideMacroPointsAtTheFilterAndTheCallChain() throws {
        let environment = Environment()
        let macros = try environment.parse(try fixture("channels.sql"), name: "macros/channels.sql")
        let model = "select 1\n{{ calls_broken('x') }}"
        var context: [String: Value] = [:]
        for macro in macros.macros { context[macro.name] = .macro(macro) }
        let error = try XCTUnwrap(renderError(model, context, name: "models/m.sql", environment: environment))
        XCTAssertEqual(error.kind, .unknownFilter)
        XCTAssertEqual(error.templateName, "macros/channels.sql")
        XCTAssertEqual(error.location?.line, 15)
        XCTAssertEqual(error.location?.column, 18)
        XCTAssert(error.description.hasPrefix("macros/channels.sql:15:18: unknown filter 'lowr'\n      {{ channel | lowr }}\n"),
                  error.description)
        XCTAssertEqual(error.callStack, ["'broken' called at macros/channels.sql:19:15",
                                         "'calls_broken' called at models/m.sql:2:4"])
    }

    func testSyntaxErrorsPointAtTheirToken() {
        let cases: [(String, Int, Int, String)] = [
            ("select\n  {{ 1 + }}", 2, 10, "unexpected '}}'"),
            ("a\n{% if x %}\nb", 2, 4, "never closed (expected 'elif' or 'else' or 'endif')"),
            ("{% for x in y %}{% endif %}", 1, 20, "unknown tag 'endif'; expected 'endfor' or 'else'"),
            ("{{ 'abc }}", 1, 4, "unterminated string"),
            ("x {# never closed", 1, 3, "missing end of comment tag"),
            ("{% frobnicate %}", 1, 4, "unknown tag 'frobnicate'"),
            ("{{ x ", 1, 1, "unexpected end of template, expected '}}'"),
        ]
        for (template, line, column, message) in cases {
            guard let error = renderError(template) else {
                XCTFail("no error for \(template.debugDescription)")
                continue
            }
            XCTAssertEqual(error.kind, .syntax, template)
            XCTAssertEqual(error.location?.line, line, template)
            XCTAssertEqual(error.location?.column, column, template)
            XCTAssert(error.message.contains(message), "\(error.message) does not contain \(message)")
        }
    }

    func testRuntimeErrorsAreTypedAndLocated() {
        let cases: [(String, TemplateError.Kind, Int)] = [
            ("{{ 1 / 0 }}", .invalidArgument, 4),
            ("{{ missing.attr }}", .undefinedValue, 4),
            ("{{ nope() }}", .undefinedValue, 4),
            ("{{ 1 is frobbed }}", .unknownTest, 4),
            ("{{ 1 < 'a' }}", .invalidOperation, 4),
            ("{% set a, b = [1] %}", .invalidArgument, 4),
        ]
        for (template, kind, column) in cases {
            guard let error = renderError(template) else {
                XCTFail("no error for \(template)")
                continue
            }
            XCTAssertEqual(error.kind, kind, template)
            XCTAssertEqual(error.location?.line, 1, template)
            XCTAssertEqual(error.location?.column, column, template)
            XCTAssertEqual(error.templateName, "t.sql")
        }
    }

    func testLimitsStopRunawayTemplates() {
        var environment = Environment()
        environment.limits.maxLoopIterations = 1_000
        environment.limits.maxOutputBytes = 10_000
        let cases = [
            "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
            "{% for a in range(100) %}{% for b in range(100) %}x{% endfor %}{% endfor %}",
            "{{ 'x' * 20000 }}",
            "{{ range(100000000) | length }}",
            "{{ 2 ** 10000000 }}",
            "{{ " + String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500) + " }}",
            "{{ " + String(repeating: "(", count: 500) + " }}",
            String(repeating: "{% if true %}", count: 300),
        ]
        for template in cases {
            let error = renderError(template, environment: environment)
            XCTAssertNotNil(error, template.prefix(60) + "")
        }
    }
}
