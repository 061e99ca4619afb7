import Foundation
import TestSupport
import XCTest

/// Undefined names while parsing, as dbt-core 1.10 treats them (fixture `parse_undefined`, found on fivetran's
/// dbt_stripe, whose disabled tests call an uninstalled dbt_utils): reading, indexing or calling one passes the
/// parse, an enabled node using one fails when compiled, and arithmetic on one still fails the parse.
/// Expected values recorded by scripts/record-parse-undefined.py.
final class ParseUndefinedTests: XCTestCase {
    private struct Expected: Decodable {
        struct Parse: Decodable {
            var exit: Int32
            var enabled: [String: [String]]
            var disabled: [String]
        }
        struct Failure: Decodable {
            var exit: Int32
            var error: [String]
        }
        struct Arithmetic: Decodable {
            var exit: Int32
            var model: String
            var error: [String]
        }
        var parse: Parse
        var compile: Failure
        var parseArithmetic: Arithmetic
        var compileNamespace: Arithmetic

        enum CodingKeys: String, CodingKey {
            case parse, compile
            case parseArithmetic = "parse_arithmetic"
            case compileNamespace = "compile_namespace"
        }
    }

    private struct Manifest: Decodable {
        struct Node: Decodable {
            struct DependsOn: Decodable { var nodes: [String] }
            var dependsOn: DependsOn

            enum CodingKeys: String, CodingKey { case dependsOn = "depends_on" }
        }
        var nodes: [String: Node]
        var disabled: [String: [Node]]
    }

    /// The uninstalled package's macros, their results indexed and read, pass the parse in the disabled test and
    /// in the enabled model, with the same enabled and disabled nodes and depends_on as dbt's.
    func testUndefinedNamesPassTheParse() throws {
        let (root, expected) = try copyRecordedFixture("parse_undefined", as: Expected.self)
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let run = try runCLI(["parse", "--profiles-dir", root], in: root)
        XCTAssertEqual(run.code, expected.parse.exit, run.stdout + run.stderr)
        let manifest = try JSONDecoder().decode(Manifest.self,
                                                from: Data(contentsOf: URL(fileURLWithPath: root + "/target/manifest.json")))
        XCTAssertEqual(manifest.nodes.mapValues(\.dependsOn.nodes), expected.parse.enabled)
        XCTAssertEqual(manifest.disabled.keys.sorted(), expected.parse.disabled)
    }

    /// Compiling fails on the enabled model only, with dbt's message (dbt adds a hint about `dbt deps`).
    func testEnabledNodeFailsWhenCompiled() throws {
        let (root, expected) = try copyRecordedFixture("parse_undefined", as: Expected.self)
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let run = try runCLI(["compile", "--profiles-dir", root], in: root)
        XCTAssertEqual(run.code, expected.compile.exit, run.stdout)
        let output = run.stdout + run.stderr
        XCTAssert(expected.compile.error.contains("Compilation Error in model order_totals (models/order_totals.sql)"))
        XCTAssert(output.contains("models/order_totals.sql:2:15: 'audit_kit' is undefined"), output)
        XCTAssertFalse(output.contains("orders_match_prod"), output)
    }

    /// Arithmetic on an undefined attribute still fails the parse, naming the attribute as dbt does.
    func testArithmeticOnUndefinedFailsTheParse() throws {
        let (root, expected) = try copyRecordedFixture("parse_undefined", as: Expected.self)
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        try expected.parseArithmetic.model.write(toFile: root + "/models/scaled.sql", atomically: true, encoding: .utf8)
        let run = try runCLI(["parse", "--profiles-dir", root], in: root)
        XCTAssertEqual(run.code, expected.parseArithmetic.exit, run.stdout + run.stderr)
        XCTAssert(expected.parseArithmetic.error.contains { $0.hasPrefix("'scale' is undefined") })
        XCTAssert(run.stderr.contains("models/scaled.sql:1:11: 'scale' is undefined"), run.stderr)
    }

    /// A macro a package's namespace does not have passes the parse and fails when compiled, the namespace named
    /// as dbt names it (a dict).
    func testMissingNamespaceMacroFailsWhenCompiled() throws {
        let (root, expected) = try copyRecordedFixture("parse_undefined", as: Expected.self)
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        try expected.compileNamespace.model.write(toFile: root + "/models/missing.sql", atomically: true, encoding: .utf8)
        let run = try runCLI(["compile", "--profiles-dir", root, "--select", "missing"], in: root)
        XCTAssertEqual(run.code, expected.compileNamespace.exit, run.stdout + run.stderr)
        XCTAssert(expected.compileNamespace.error.contains { $0.hasPrefix("'dict object' has no attribute 'no_such_macro'") })
        let output = run.stdout + run.stderr
        XCTAssert(output.contains("models/missing.sql:1:11: 'dict object' has no attribute 'no_such_macro'"), output)
    }
}
