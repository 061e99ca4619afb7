import Foundation
import XCTest
@testable import SwiftDBT

/// `query-comment:` read from `dbt_project.yml` and added to SQL as dbt-adapters' `_QueryComment.add` adds it
/// (the expected strings are that function's output, run with dbt-adapters 1.24).
final class QueryCommentSettingsTests: XCTestCase {
    func testTheCommentGoesBeforeOrAfterAsDbtPutsIt() {
        let cases: [(String, appended: String, prefixed: String)] = [
            ("select 1;", "select 1\n/* hi */;", "/* hi */\nselect 1;"),
            ("select 1;  \n", "select 1\n/* hi */;", "/* hi */\nselect 1;  \n"),
            ("select 1", "select 1\n/* hi */", "/* hi */\nselect 1"),
            ("select 1\n", "select 1\n/* hi */", "/* hi */\nselect 1\n"),
        ]
        for (sql, appended, prefixed) in cases {
            XCTAssertEqual(QueryComment.add(" hi ", to: sql, append: true), appended)
            XCTAssertEqual(QueryComment.add(" hi ", to: sql, append: false), prefixed)
            XCTAssertEqual(QueryComment.add(nil, to: sql, append: false), sql)
        }
    }

    private func setting(_ yaml: String) throws -> QueryComment {
        try QueryComment.parse(try XCTUnwrap(try YAMLNode.parse(yaml, path: "dbt_project.yml"))["query-comment"])
    }

    func testTheSettingsForms() throws {
        XCTAssertEqual(try QueryComment.parse(nil).text, .standard)
        XCTAssertEqual(try setting("query-comment: null").text, QueryComment.Text.none)
        XCTAssertEqual(try setting("query-comment: ''").text, QueryComment.Text.none)
        XCTAssertEqual(try setting("query-comment: 'by {{ node.name }}'").text, .template("by {{ node.name }}"))
        let mapping = try setting("query-comment:\n  append: true\n  job-label: true\n")
        XCTAssertEqual(mapping.text, .standard)
        XCTAssertTrue(mapping.append)
        XCTAssertTrue(mapping.jobLabel)
    }

    func testAWrongSettingIsAProjectErrorAtItsLine() throws {
        XCTAssertThrowsError(try setting("name: x\nquery-comment: [a]\n")) { error in
            XCTAssertEqual((error as? DBTError)?.kind, .project)
            XCTAssertEqual((error as? DBTError)?.location?.line, 2)
            XCTAssertEqual((error as? DBTError)?.message,
                           "'query-comment' must be a string or a mapping with 'comment', 'append' and 'job-label'")
        }
        XCTAssertThrowsError(try setting("query-comment:\n  append: sometimes\n")) { error in
            XCTAssertEqual((error as? DBTError)?.location?.line, 2)
            XCTAssertEqual((error as? DBTError)?.message, "'query-comment: append' must be true or false")
        }
    }

    /// A comment that would end itself early fails the node, with dbt's message.
    func testACommentThatClosesItselfIsRefused() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-qc-\(UUID().uuidString)").path + "/qc"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        try "name: qc\nprofile: qc\nquery-comment: 'a */ b'\n".write(toFile: root + "/dbt_project.yml", atomically: true, encoding: .utf8)
        let loaded = try loadProject(root)
        XCTAssertThrowsError(try loaded.session.project.queryComment.render(
            for: nil, connectionName: "master", compiler: Compiler(session: loaded.session, manifest: loaded.manifest))) { error in
            XCTAssertEqual((error as? DBTError)?.message, "query comment contains illegal value \"*/\": a */ b")
        }
    }
}
