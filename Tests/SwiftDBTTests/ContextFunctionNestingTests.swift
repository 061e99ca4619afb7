import Jinja
import XCTest
@testable import SwiftDBT

/// dbt's `tojson`, `toyaml` and `config()` turn template values into plain data: a list that
/// contains itself, or a value nested thousands deep, is an error instead of endless recursion.
final class ContextFunctionNestingTests: XCTestCase {
    let environment: Jinja.Environment = {
        var environment = Jinja.Environment()
        environment.functions.merge(ContextFunctions.all) { $1 }
        return environment
    }()

    func testSelfContainingValuesAreCircularReferences() {
        for call in ["tojson(x)", "toyaml(x)", "tojson({'a': [x]})"] {
            let error = render("{% set x = [1] %}{% do x.append(x) %}{{ \(call) }}")
            XCTAssertEqual(error?.kind, .invalidArgument, call)
            XCTAssertEqual(error?.message, "Circular reference detected", call)
            XCTAssertGreaterThan(error?.location?.column ?? 0, 38, call)
        }
    }

    func testDeeplyNestedValuesExceedTheLimit() {
        let build = "{% set ns = namespace(x=[]) %}{% for i in range(5000) %}{% set ns.x = [ns.x] %}{% endfor %}"
        for call in ["tojson(ns.x)", "toyaml(ns.x)"] {
            let error = render(build + "{{ \(call) }}")
            XCTAssertEqual(error?.kind, .limitExceeded, call)
            XCTAssertEqual(error?.message, "maximum recursion depth exceeded: a value nests deeper than \(ValueNesting.maxDepth) levels", call)
        }
    }

    func testTheSameListTwiceIsNotACycle() throws {
        XCTAssertEqual(try environment.render("{% set x = [1] %}{{ tojson([x, x]) }}"), "[[1], [1]]")
    }

    private func render(_ template: String) -> TemplateError? {
        do {
            _ = try environment.render(template)
            return nil
        } catch {
            return error as? TemplateError
        }
    }
}
