import Foundation
import XCTest
@testable import SwiftDBT

/// `query-comment:` on the statements a run sends, read back from PostgreSQL's `pg_stat_activity` (fixture
/// `query_comment`: a table and an on-run-start hook that store the text of the statement that creates them).
final class QueryCommentTests: XCTestCase {
    /// Builds the fixture on PostgreSQL with `setting` added to its project file; returns the statements the
    /// model and the hook were created by.
    private func statements(_ setting: String) throws -> (model: String, hook: String) {
        let environment = try requirePostgres()
        let (root, schema) = try projectWithBothTargets("query_comment", profile: "query_comment")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: root + "/dbt_project.yml"))
        handle.seekToEndOfFile()
        handle.write(Data(setting.utf8))
        try handle.close()
        let loaded = try load(root, target: "postgres", environment: environment)
        let connection = try connect(loaded)
        defer { _ = try? connection.execute("drop schema if exists \"\(schema)\" cascade") }
        try connection.createSchema(schema)
        let hooks = ProjectHooks(loaded: loaded, connection: connection).run(.start, reporter: SilentReporter())
        XCTAssertEqual(hooks.map(\.status), [.success], hooks.map(\.message).joined())
        let results = try Runner(loaded: loaded, connection: connection, options: RunOptions(command: .run),
                                 reporter: SilentReporter()).run(loaded.manifest.nodes.map(\.uniqueID))
        XCTAssertEqual(results.map(\.status), [.success], results.map(\.message).joined())
        func text(_ table: String) throws -> String {
            try connection.query("select q from \"\(schema)\".\(table)", limit: nil).rows.first?.first?.display ?? ""
        }
        return (try text("statement"), try text("hook_statement"))
    }

    private func firstLine(_ text: String) -> String { String(text.prefix { $0 != "\n" }) }

    /// Without a setting, dbt's JSON comment: the node's unique ID, or `connection_name: master` for hooks.
    func testTheDefaultCommentIsDbtsJSON() throws {
        let (model, hook) = try statements("")
        XCTAssertEqual(firstLine(model), #"/* {"app": "dbt", "dbt_version": "1.10.23", "profile_name": "query_comment", "#
                       + #""target_name": "postgres", "node_id": "model.query_comment.statement"} */"#)
        XCTAssertEqual(firstLine(hook), #"/* {"app": "dbt", "dbt_version": "1.10.23", "profile_name": "query_comment", "#
                       + #""target_name": "postgres", "connection_name": "master"} */"#)
        XCTAssertTrue(model.dropFirst(firstLine(model).count + 1).hasPrefix("create"), model)
    }

    func testACustomMacroRendersForEachNode() throws {
        let (model, hook) = try statements("query-comment: \"{{ query_comment(node) }}\"\n")
        XCTAssertEqual(firstLine(model), "/* run by model.query_comment.statement on postgres */")
        XCTAssertEqual(firstLine(hook), "/* run by  on postgres */", "a hook has no node")
    }

    func testAppendPutsTheCommentAfterTheStatement() throws {
        let (model, _) = try statements("query-comment:\n  comment: \"tail {{ node.name }}\"\n  append: true\n  job-label: true\n")
        XCTAssertFalse(model.hasPrefix("/*"), model)
        XCTAssertTrue(model.hasSuffix("\n/* tail statement */"), model)
    }

    func testNullTurnsTheCommentOff() throws {
        for setting in ["query-comment: null\n", "query-comment: ''\n", "query-comment:\n  comment: ''\n"] {
            let (model, hook) = try statements(setting)
            XCTAssertFalse(model.contains("/*"), setting + model)
            XCTAssertFalse(hook.contains("/*"), setting + hook)
        }
    }
}
