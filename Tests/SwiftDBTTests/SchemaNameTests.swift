import Foundation
import XCTest
@testable import SQLiteAdapter

/// Schema names reach SQLite quoted, whatever they hold, and name a database file that cannot leave the
/// target's folder (fixture `execution/schema_names`).
final class SchemaNameTests: XCTestCase {
    private var project: ExecutionProject!

    override func setUpWithError() throws {
        project = try ExecutionProject("schema_names")
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(atPath: (project.root as NSString).deletingLastPathComponent)
    }

    /// The schema's file, attached under the schema's own name (views name the schema of what they read).
    private func connection(attaching schema: String) throws -> SQLiteConnection {
        let connection = try SQLiteConnection.open(path: project.root + "/target/schema_names.sqlite")
        try connection.attach(databaseAt: project.root + "/target/\(schema).db", as: schema)
        return connection
    }

    func testQuotesBackticksAndBracketsInSchemaTableAndColumnNames() throws {
        for batch in [1, 2] {
            let run = try project.run("build", "--vars", "batch: \(batch)")
            XCTAssertEqual(run.code, 0, run.all)
            XCTAssert(run.lines.contains("Done. PASS=5 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=5"), run.stdout)
        }
        let schema = "main_s\"q`[x]"
        let database = try connection(attaching: schema)
        let quoted = SQLiteConnection.quoteIdentifier(schema)
        XCTAssertEqual(try database.prepare("select name, type from \(quoted).sqlite_master order by name").rows(),
                       [["from_source", "table"], ["i\"n`c[r]", "table"], ["s\"e`e[d]", "table"], ["t\"a`b[c]", "table"],
                        ["v\"i`e[w]", "view"]])
        XCTAssertEqual(try database.prepare("select n from \(quoted).from_source").rows(), [[2]], "the seed read as a source")
        XCTAssertEqual(try database.prepare("select * from \(quoted).\"v\"\"i`e[w]\"").rows(), [[1, "one", 2]])
        XCTAssertEqual(try database.prepare("select * from \(quoted).\"i\"\"n`c[r]\" order by id").rows(),
                       [[1, "one 2"], [2, "batch row"], [3, "batch row"]], "the second run merged on id")
        XCTAssertEqual(try database.prepare("select id, \"odd`name[1]\" from \(quoted).\"s\"\"e`e[d]\" order by id").rows(),
                       [[1, "a"], [2, "b"]])
    }

    /// dbt-sqlite leaves the schema bare, so this config (with a schema `main_q` attached by another model of
    /// the run) dropped `main.customers`; quoted, it is just a name.
    func testSchemaWrittenAsSQLIsOnlyAName() throws {
        try project.write("{{ config(materialized='table') }}\nselect 1 as id", to: "models/customers.sql")
        XCTAssertEqual(try project.run("build", "--select", "customers").code, 0)
        try project.write("{{ config(schema='q') }}\nselect 3 as id", to: "models/in_q.sql")
        try project.write("{{ config(materialized='table', schema='q.t2 as select 1; drop table main.customers; create table main_q.t3') }}\nselect 2 as id",
                          to: "models/attack.sql")
        let run = try project.run("build", "--select", "attack", "in_q")
        XCTAssertEqual(run.code, 0, run.all)
        XCTAssertEqual(try project.rows("select id from customers"), [[1]], "customers is still there")
        let schema = "main_q.t2 as select 1; drop table main.customers; create table main_q.t3"
        let database = try connection(attaching: schema)
        XCTAssertEqual(try database.prepare("select id from \(SQLiteConnection.quoteIdentifier(schema)).attack").rows(), [[2]])
        XCTAssertEqual(try project.rows("select name from sqlite_master order by name"), [["customers"]])
    }

    /// A schema name that is a path (from a config with `generate_schema_name` passing it through, or from
    /// the profile), or that is SQLite's temporary database, stops the run before anything is written, naming the
    /// schema and the node.
    func testSchemaNamesThatWouldLeaveTheTargetFolderAreRefused() throws {
        let outside = (project.root as NSString).deletingLastPathComponent
        try project.write("{% macro generate_schema_name(custom_schema_name, node) %}{{ custom_schema_name or target.schema }}{% endmacro %}",
                          to: "macros/generate_schema_name.sql")
        // A doubled backslash is one in the Jinja string, and shows doubled again in the message's JSON string.
        for (schema, problem) in [("../../escaped", "it starts with '.'"), ("sub/../../escaped", "it contains a path separator"),
                                  ("..", "it starts with '.'"), ("back\\\\slash", "it contains a path separator"),
                                  ("TEMP", "")] {
            try project.write("{{ config(schema='\(schema)') }}\nselect 1 as id", to: "models/escape.sql")
            let run = try project.run("run", "--select", "escape")
            XCTAssertEqual(run.code, 2, run.all)
            let message = problem.isEmpty ? "is SQLite's temporary database, whose tables vanish when the run ends"
                : "cannot be a SQLite schema: \(problem) "
            XCTAssert(run.stderr.hasPrefix("models/escape.sql:1:11: schema \"\(schema)\" \(message)"), run.stderr)
            XCTAssert(run.stderr.contains("\n  {{ config(schema='\(schema)') }}\n            ^\n  the schema of model escape"), run.stderr)
        }
        try FileManager.default.removeItem(atPath: project.root + "/models/escape.sql")
        try project.write("select 1 as id", to: "models/plain.sql")
        try project.write("schema_names:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      schema: ../../escaped\n"
                          + "      path: target/schema_names.sqlite\n", to: "profiles.yml")
        let run = try project.run("run", "--profiles-dir", project.root, "--select", "plain")
        XCTAssertEqual(run.code, 2, run.all)
        XCTAssert(run.stderr.hasPrefix("models/plain.sql:1:1: schema \"../../escaped\" cannot be a SQLite schema: it starts with '.'"),
                  run.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside), ["schema_names"], "nothing beside the project")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: project.root + "/target").filter { $0.hasSuffix(".db") }, [])
    }
}
