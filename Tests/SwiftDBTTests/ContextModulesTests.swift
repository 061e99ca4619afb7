import Foundation
import XCTest
@testable import SwiftDBT

/// `modules.datetime`, `modules.pytz`, `modules.itertools` and the base context's helpers render as in dbt-core
/// 1.10: every case of Fixtures/context-modules.json, whose expected output (or Python's error message)
/// scripts/record-context-modules.py recorded from dbt's own context, with `run_started_at` at the same instant.
final class ContextModulesTests: XCTestCase {
    private struct Case: Decodable {
        var name: String
        var template: String
        var expected: String?
        var error: Bool?
        var message: String?
    }

    func testEveryCaseRendersAsInDbt() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/context-modules.json")
        let cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: url))
        XCTAssertGreaterThanOrEqual(cases.count, 60)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-modules-\(UUID().uuidString)").path + "/m"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        try "name: m\nprofile: m\n".write(toFile: root + "/dbt_project.yml", atomically: true, encoding: .utf8)
        let loaded = try loadProject(root)
        let session = loaded.session
        // 2024-01-31 12:30:00.25 UTC, the instant the recording used.
        let started = Date(timeIntervalSince1970: 1_706_704_200.25)
        let fixed = CompileSession(project: session.project, packageRoots: session.packageRoots, target: session.target,
                                   dialect: session.dialect, macros: session.macros, templates: session.templates,
                                   cliVars: session.cliVars, projectVars: session.projectVars, invocationID: session.invocationID,
                                   runStartedAt: started, environmentVariables: session.environmentVariables, log: { _ in })
        let compiler = Compiler(session: fixed, manifest: loaded.manifest)
        for testCase in cases {
            if testCase.error == true {
                XCTAssertThrowsError(try compiler.compileInline(testCase.template), testCase.name) { error in
                    let message = (error as? DBTError)?.message ?? "\(error)"
                    XCTAssertTrue(message.contains(testCase.message ?? "?"), "\(testCase.name): \(message)")
                }
            } else {
                XCTAssertEqual(try compiler.compileInline(testCase.template), testCase.expected, testCase.name)
            }
        }
    }

    /// `try_or_compiler_error(message, function, *args)` (dbt's provider context): the function's result, or a
    /// compilation error with `message`.
    func testTryOrCompilerError() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-try-\(UUID().uuidString)").path + "/t"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        try "name: t\nprofile: t\n".write(toFile: root + "/dbt_project.yml", atomically: true, encoding: .utf8)
        let loaded = try loadProject(root)
        let compiler = Compiler(session: loaded.session, manifest: loaded.manifest)
        XCTAssertEqual(try compiler.compileInline("{{ try_or_compiler_error('never', modules.datetime.date, 2024, month=1, day=2) }}"),
                       "2024-01-02")
        // Values no 64-bit count of microseconds holds fail as Python's OverflowError, never trap.
        for template in ["{{ modules.datetime.timedelta(days=10 ** 12) }}", "{{ modules.datetime.timedelta(days=1) * 10 ** 15 }}",
                         "{{ modules.datetime.timedelta(days='nan' | float) }}", "{{ modules.datetime.datetime.fromtimestamp(1e300) }}",
                         "{{ modules.datetime.timedelta(days=10 ** 7) * 2.5e30 }}"] {
            XCTAssertThrowsError(try compiler.compileInline(template), template)
        }
        XCTAssertThrowsError(try compiler.compileInline(
            "{% macro boom() %}{{ exceptions.raise_compiler_error('inner') }}{% endmacro %}{{ try_or_compiler_error('outer', boom) }}")) {
            XCTAssertEqual(($0 as? DBTError)?.message, "outer")
        }
    }
}
