import Foundation
import TestSupport
import XCTest

/// A `var()` nobody set, as dbt-core 1.10 treats it (fixture `parse_var`, found on fivetran's dbt_stripe, whose
/// fivetran_utils reads `var('card_pass_through_columns')` with no default): none while parsing, an error when the
/// node is compiled. Expected values recorded by scripts/record-parse-var.py.
final class ParseVarTests: XCTestCase {
    private struct Expected: Decodable {
        struct Parse: Decodable {
            var exit: Int32
            var nodes: [String]
        }
        struct Failure: Decodable {
            var exit: Int32
            var error: [String]
        }
        var parse: Parse
        var compile: Failure
    }

    private struct Manifest: Decodable {
        var nodes: [String: [String: JSONAny]]
    }

    /// Any JSON value, ignored.
    private struct JSONAny: Decodable {
        init(from decoder: any Decoder) throws {}
    }

    /// The macro reading the missing var passes the parse, with dbt's nodes.
    func testMissingVarIsNoneWhileParsing() throws {
        let (root, expected) = try copyRecordedFixture("parse_var", as: Expected.self)
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let run = try runCLI(["parse", "--profiles-dir", root], in: root)
        XCTAssertEqual(run.code, expected.parse.exit, run.stdout + run.stderr)
        let manifest = try JSONDecoder().decode(Manifest.self,
                                                from: Data(contentsOf: URL(fileURLWithPath: root + "/target/manifest.json")))
        XCTAssertEqual(manifest.nodes.keys.sorted(), expected.parse.nodes)
    }

    /// Compiling the model that reads it still fails, with dbt's exit code and message.
    func testMissingVarFailsWhenCompiled() throws {
        let (root, expected) = try copyRecordedFixture("parse_var", as: Expected.self)
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let run = try runCLI(["compile", "--profiles-dir", root], in: root)
        XCTAssertEqual(run.code, expected.compile.exit, run.stdout)
        let output = run.stdout + run.stderr
        XCTAssert(expected.compile.error.contains("Required var 'card_extra_columns' not found in config:"))
        XCTAssert(output.contains("macros/extra_columns.sql:2:8: Required var 'card_extra_columns' not found in config"), output)
    }
}
