import XCTest
import Jinja

/// `Environment.undefinedBehavior`: Jinja2's undefined by default, and the chainable one a host chooses for a
/// render that collects calls.
final class UndefinedBehaviorTests: XCTestCase {
    private let template = "[{{ pkg.star(from='x')['a'].b[1:] }}]{% for c in pkg.columns() %}{{ c }}{% endfor %}"

    func testStandardRaisesOnAnAttributeOfAnUndefinedName() {
        XCTAssertThrowsError(try Environment().render(template)) { error in
            XCTAssertEqual((error as? TemplateError)?.message, "'pkg' is undefined")
        }
    }

    func testChainableGivesUndefinedBackButArithmeticStillRaises() throws {
        var environment = Environment()
        environment.undefinedBehavior = .chainable
        XCTAssertEqual(try environment.render(template), "[]")
        XCTAssertThrowsError(try environment.render("{{ pkg.scale + 1 }}")) { error in
            XCTAssertEqual((error as? TemplateError)?.message, "'scale' is undefined")
        }
    }
}
