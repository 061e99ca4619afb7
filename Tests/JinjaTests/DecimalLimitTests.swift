import XCTest
@testable import Jinja

/// Decimals whose exponents or digits would grow without bound fail with a limit error at the expression instead of
/// overflowing an `Int` or allocating without end (Python clamps such results in its context instead: these cases
/// have no Jinja2 reference, the others are in `Corpus/decimals.json`).
final class DecimalLimitTests: XCTestCase {
    private func decimal(_ text: String) throws -> Value {
        .object(try XCTUnwrap(PythonDecimal(text), text))
    }

    func testRunawayExponentsAreLimitErrors() throws {
        let context = ["tiny": try decimal("1E-7"), "a": try decimal("1.50"), "big": try decimal("1E+90000")]
        let cases = [
            "{% set n = namespace(x=tiny) %}{% for i in range(40) %}{% set n.x = n.x * n.x %}{% endfor %}{{ n.x }}",
            "{{ a ** 9223372036854775807 }}",
            "{{ a ** (-9223372036854775807 - 1) }}",
            "{{ a | round(-9223372036854775807 - 1) }}",
            "{{ '{:.999999999f}'.format(a) }}",
            "{{ big * big * big * big * big * big * big * big * big * big * big * big }}",
        ]
        for template in cases {
            let error = renderError(template, context)
            XCTAssertEqual(error?.kind, .limitExceeded, template)
            XCTAssertEqual(error?.location?.line, 1, template)
        }
    }

    func testHugeValuesConvertOrFailWithoutTrapping() throws {
        let context = ["big": try decimal("1E+90000"), "small": try decimal("1E-90000")]
        XCTAssertEqual(renderError("{{ big | int }}", context)?.kind, .limitExceeded)
        XCTAssertEqual(try Environment().render("{{ small | int }} {{ small > 0 }} {{ big > small }}", context, name: "t.sql"),
                       "0 True True")
    }
}
