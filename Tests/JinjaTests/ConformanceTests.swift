import Foundation
import XCTest
@testable import Jinja

/// Renders every case of the Jinja2 conformance file `Conformance/jinja-cases.json` (or `SWIFTDBT_JINJA_CASES`)
/// and compares byte for byte with what the reference Jinja2 produced.
final class ConformanceTests: XCTestCase {
    func testEveryConformanceCase() throws {
        let cases = try ConformanceCase.load()
        XCTAssertGreaterThan(cases.count, 0)
        var failures: [String] = []
        for testCase in cases {
            if let failure = testCase.run() { failures.append(failure) }
        }
        XCTAssert(failures.isEmpty, "\(failures.count) of \(cases.count) cases failed:\n" + failures.joined(separator: "\n"))
    }
}

/// One case: a template, its JSON context, and the expected output or `error: true`.
struct ConformanceCase {
    let name: String
    let template: String
    let context: [String: Value]
    let expected: String?
    /// The error message the render must fail with, where the case recorded one.
    var message: String?

    /// The file named by `SWIFTDBT_JINJA_CASES`, else `Conformance/jinja-cases.json` beside this test file.
    static var file: URL {
        if let path = ProcessInfo.processInfo.environment["SWIFTDBT_JINJA_CASES"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Conformance/jinja-cases.json")
    }

    static func load(from url: URL = file) throws -> [ConformanceCase] {
        let text = try String(contentsOf: url, encoding: .utf8)
        guard case .list(let items) = try Value.parseJSON(text) else { return [] }
        return items.items.compactMap { item in
            guard case .dict(let fields) = item,
                  case .string(let name)? = fields["name"],
                  case .string(let template)? = fields["template"] else { return nil }
            var context: [String: Value] = [:]
            if case .dict(let values)? = fields["context"] {
                for (key, value) in values.entries { context[key.str] = value }
            }
            if case .dict(let decimals)? = fields["decimals"] {  // Python Decimals, written as text
                for (key, value) in decimals.entries { context[key.str] = PythonDecimal(value.str).map(Value.object) }
            }
            let isError = fields["error"]?.isTruthy ?? false
            return ConformanceCase(name: name, template: template, context: context,
                                   expected: isError ? nil : fields["expected"]?.stringValue, message: fields["message"]?.stringValue)
        }
    }

    /// Nil when the case passes, else a description of the difference.
    func run(environment: Environment = Environment()) -> String? {
        do {
            let output = try environment.render(template, context, name: name)
            guard let expected else { return "\(name): expected an error, got \(output.debugDescription)" }
            return output == expected ? nil : "\(name): expected \(expected.debugDescription), got \(output.debugDescription)"
        } catch let error as TemplateError {
            if let message, expected == nil, error.message != message {
                return "\(name): expected the error \(message.debugDescription), got \(error.message.debugDescription)"
            }
            return expected == nil ? nil : "\(name): unexpected error \(error)"
        } catch {
            return "\(name): untyped error \(error)"
        }
    }
}
