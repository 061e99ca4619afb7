import Foundation
import TestSupport
import XCTest

/// `get_insert_overwrite_merge_sql`, the merge of dbt's insert_overwrite strategy (which dbt-postgres and dbt-sqlite do
/// not offer, but packages call): the SQL dbt-core 1.10 renders for each call of reference/insert-overwrite.json
/// (scripts/record-insert-overwrite-reference.py), whitespace aside, on SQLite and PostgreSQL; and a project's
/// adapter variant of it is the one dispatched.
final class InsertOverwriteMacroTests: XCTestCase {
    func testRendersAsDbtCoreOnSQLite() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["PGHOST"] = environment["PGHOST"] ?? "localhost"
        try assertRendersAsDbtCore(target: "sqlite", environment: environment)
    }

    func testRendersAsDbtCoreOnPostgres() throws {
        try assertRendersAsDbtCore(target: "postgres", environment: try requirePostgres())
    }

    private func assertRendersAsDbtCore(target: String, environment: [String: String]) throws {
        let file = fixtures.appendingPathComponent("reference/insert-overwrite.json")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        let calls = try XCTUnwrap(document?[target] as? [[String: Any]])
        XCTAssertEqual(calls.count, 5)
        let (root, schema) = try projectWithBothTargets("execution/microbatch", profile: "microbatch")
        defer { removeProject(root, schema: schema, environment: environment) }
        let flattened = { (text: String) in text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        for call in calls {
            let inline = try XCTUnwrap(call["call"] as? String)
            let run = try runCLI(["compile", "--quiet", "--target", target, "--profiles-dir", root, "--inline", inline],
                                 in: root, environment: environment)
            XCTAssertEqual(run.code, Int32(call["exit_code"] as? Int ?? -1), run.stdout + run.stderr)
            XCTAssertEqual(flattened(run.stdout), flattened(call["sql"] as? String ?? ""), "\(target): \(inline)")
        }
        try FileManager.default.createDirectory(atPath: root + "/macros", withIntermediateDirectories: true)
        try """
            {% macro \(target)__get_insert_overwrite_merge_sql(target, source, dest_columns, predicates, include_sql_header) %}\
            project's {{ target }} {{ predicates | length }}{% endmacro %}
            """.write(toFile: root + "/macros/overwrite.sql", atomically: true, encoding: .utf8)
        let run = try runCLI(["compile", "--quiet", "--target", target, "--profiles-dir", root, "--inline",
                              "{{ get_insert_overwrite_merge_sql(api.Relation.create(identifier='t'), none, [], ['a', 'b']) }}"],
                             in: root, environment: environment)
        XCTAssertEqual(flattened(run.stdout), "project's \"t\" 2", run.stdout + run.stderr)
    }
}
