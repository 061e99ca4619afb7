import Foundation
@testable import Jinja

/// Reads a file from `Tests/JinjaTests/Fixtures`.
func fixture(_ name: String) throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    return try String(contentsOf: url, encoding: .utf8)
}

/// Renders and returns the error the render must throw, or nil if it did not throw one.
func renderError(_ template: String, _ context: [String: Value] = [:], name: String = "t.sql",
                 environment: Environment = Environment()) -> TemplateError? {
    do {
        _ = try environment.render(template, context, name: name)
        return nil
    } catch let error as TemplateError {
        return error
    } catch {
        return nil
    }
}
