import Foundation
import TestSupport
import XCTest
@testable import PostgresAdapter
@testable import SwiftDBT

/// Templates that ask the database, on the real PostgreSQL server: the `execution/runtime`
/// fixture builds the same tables as on SQLite, `adapter.*` and statements, and `run-operation`.
final class RuntimePostgresTests: XCTestCase {
    private var root = ""
    private var schema = ""
    private var environment: [String: String] = [:]

    override func setUpWithError() throws {
        environment = try requirePostgres()
        (root, schema) = try projectWithBothTargets("execution/runtime", profile: "runtime")
    }

    override func tearDownWithError() throws {
        guard !root.isEmpty else { return }
        if let loaded = try? load(root, target: "postgres", environment: environment), let connection = try? connect(loaded) {
            for name in [schema, schema + "_ops"] { try? connection.execute("drop schema if exists \"\(name)\" cascade") }
        }
        try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }

    func testIntrospectiveModelsBuildTheSameTablesOnBothAdapters() throws {
        let onSQLite = try load(root, target: "sqlite", environment: environment)
        let onPostgres = try load(root, target: "postgres", environment: environment)
        let (sqliteResults, sqlite) = try build(onSQLite)
        let (postgresResults, postgres) = try build(onPostgres)
        XCTAssertEqual(sqliteResults.filter(\.isFailure).map(\.message), [])
        XCTAssertEqual(postgresResults.filter(\.isFailure).map(\.message), [])
        XCTAssertEqual(postgresResults.count, 7)
        for node in onSQLite.manifest.nodes where [.model, .seed].contains(node.resourceType) {
            let left = try fingerprint(try XCTUnwrap(node.relation.map(onSQLite.session.dialect.render)), sqlite)
            let postgresNode = try XCTUnwrap(onPostgres.manifest.node(node.uniqueID))
            let right = try fingerprint(try XCTUnwrap(postgresNode.relation.map(onPostgres.session.dialect.render)), postgres)
            XCTAssertEqual(left.rows, right.rows, node.name)
            XCTAssertEqual(left.checksum, right.checksum, node.name)
        }
        let checks = try postgres.query("select * from \"\(schema)\".checks", limit: nil)
        XCTAssertEqual(checks.rows, [[.integer(4), .integer(68), .integer(1), .integer(1), .text("keyed"), .integer(1)]])
        XCTAssertEqual(try postgres.query("select * from \"\(schema)\".city_counts", limit: nil).columns, ["n_london", "n_oslo", "n_paris"])
    }

    /// With several threads each node's templates query on that node's own connection.
    func testIntrospectiveModelsBuildWithFourThreads() throws {
        let run = try runCLI(["build", "--target", "postgres", "--profiles-dir", root, "--threads", "4"], in: root, environment: environment)
        XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
        XCTAssert(run.stdout.contains("Concurrency: 4 threads (target='postgres')"), run.stdout)
        let connection = try connect(try load(root, target: "postgres", environment: environment))
        XCTAssertEqual(try connection.query("select * from \"\(schema)\".checks", limit: nil).rows,
                       [[.integer(4), .integer(68), .integer(1), .integer(1), .text("keyed"), .integer(1)]])
        XCTAssertEqual(try connection.query("select which, results, succeeded, selected from \"\(schema)\".run_summary", limit: nil).rows,
                       [[.text("build"), .integer(7), .integer(7), .integer(7)]])
    }

    func testAdapterMethodsAndStatementsOnPostgres() throws {
        let loaded = try load(root, target: "postgres", environment: environment)
        let (results, _) = try build(loaded)
        XCTAssertEqual(results.filter(\.isFailure).map(\.message), [])
        let target = loaded.session.target
        let runtime = DatabaseRuntime { try PostgresAdapterFactory().connect(target, projectRoot: loaded.session.project.root) }
        let compiler = Compiler(session: loaded.session, manifest: loaded.manifest, runtime: runtime)
        func render(_ template: String) throws -> String { try compiler.compileInline(template) }
        let database = target.database
        XCTAssertEqual(try render("""
        {% set p = adapter.get_relation(database=target.database, schema=target.schema, identifier='people') %}\
        {{ p }}|{{ p.type }}|{{ adapter.get_relation(target.database, target.schema, 'nope') }}|\
        {{ adapter.get_relation(target.database, target.schema, 'people_slim').is_table }}|\
        {{ adapter.get_relation(target.database, 'no_such_schema', 'people') }}|{{ p == adapter.load_relation(ref('people')) }}
        """), "\"\(database)\".\"\(schema)\".\"people\"|table|None|True|None|True")
        XCTAssertEqual(try render("""
        {% for c in adapter.get_columns_in_relation(ref('people')) %}{{ c.name }}:{{ c.data_type }}:{{ c.is_number() }};{% endfor %}|\
        {{ adapter.get_missing_columns(ref('extra_people'), ref('people')) | map(attribute='name') | list }}|\
        {{ adapter.check_schema_exists(target.database, target.schema) }}|{{ target.schema in adapter.list_schemas(target.database) }}|\
        {{ adapter.list_relations_without_caching(api.Relation.create(database=target.database, schema=target.schema)) \
        | map(attribute='identifier') | list }}
        """), "id:integer:True;name:text:False;city:text:False;score:integer:True;|['nickname']|True|True|"
            + "['checks', 'city_counts', 'extra_people', 'people', 'people_slim', 'people_union', 'week_days']")
        // As dbt-postgres lists them (scripts/record-incremental-strategies.py).
        XCTAssertEqual(try render("{{ adapter.valid_incremental_strategies() }}"), try recordedIncrementalStrategies("postgres"))
        XCTAssertEqual(try render("""
        {% call statement('s', fetch_result=True) %}select name, score from {{ ref('people') }} order by score desc{% endcall %}\
        {% set r = load_result('s') %}{{ r.response }}|{{ r.data[0] }}|{{ r.table.columns['score'].values() }}|\
        {{ run_query('select 2.5::float8 as x, true as y').rows[0] | list }}
        """), "SELECT 4|('Ada', 90)|(90, 82, 75, 68)|[Decimal('2.5'), True]")  // a float in agate's Number type: reference/result-decimals.json
        // Sizes, precision and scale come from the catalog, as dbt-postgres reads them.
        _ = try render("{% do adapter.execute('create table \(schema).typed (code varchar(12), amount numeric(10,2), n integer)') %}")
        XCTAssertEqual(try render("""
        {% for c in adapter.get_columns_in_relation(api.Relation.create(schema=target.schema, identifier='typed')) %}\
        {{ c.data_type }},{{ c.char_size }},{{ c.numeric_precision }},{{ c.numeric_scale }},{{ c.string_size() if c.is_string() }};\
        {% endfor %}
        """), "character varying(12),12,None,None,12;numeric(10,2),None,10,2,;integer,None,32,0,;")
        let ops = schema + "_ops"
        XCTAssertEqual(try render("""
        {% set t = api.Relation.create(database=target.database, schema='\(ops)', identifier='t') %}\
        {% do adapter.create_schema(t) %}{{ adapter.check_schema_exists(target.database, '\(ops)') }}|\
        {% do adapter.execute('create table ' ~ t ~ ' as select 1 as id') %}{{ adapter.get_relation(t.database, t.schema, 't').type }}|\
        {% do adapter.truncate_relation(t) %}{{ run_query('select count(*) from ' ~ t).rows[0][0] }}|\
        {% do adapter.rename_relation(t, t.incorporate(path={'identifier': 'u'})) %}\
        {{ adapter.get_relation(t.database, t.schema, 't') }}|{{ adapter.get_relation(t.database, t.schema, 'u').type }}|\
        {% do adapter.drop_relation(t.incorporate(path={'identifier': 'u'})) %}{{ adapter.get_relation(t.database, t.schema, 'u') }}|\
        {% do adapter.drop_schema(t) %}{{ adapter.check_schema_exists(target.database, '\(ops)') }}
        """), "True|table|0|None|table|None|False")
    }

    /// What statements report (`load_result(...).response`), as dbt-postgres reports it.
    func testStatementResponsesAsDbtPostgresReportsThem() throws {
        let loaded = try load(root, target: "postgres", environment: environment)
        let target = loaded.session.target
        try connect(loaded).createSchema(schema)
        let runtime = DatabaseRuntime { try PostgresAdapterFactory().connect(target, projectRoot: loaded.session.project.root) }
        let compiler = Compiler(session: loaded.session, manifest: loaded.manifest, runtime: runtime)
        let cases = try StatementResponseCase.load(adapter: "postgres")
        XCTAssertEqual(cases.count, 8)
        for item in cases {
            XCTAssertEqual(try compiler.compileInline(item.template(table: "\"\(schema)\".scratch")), item.expected, item.sql)
        }
    }

    func testRunOperationCreatesAndDropsASchemaOnPostgres() throws {
        let ops = schema + "_ops"
        let run = try runCLI(["run-operation", "make_and_drop_schema", "--args", "{name: \(ops)}", "--target", "postgres",
                              "--profiles-dir", root], in: root, environment: environment)
        XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
        let database = try load(root, target: "postgres", environment: environment).session.target.database
        for line in ["created \"\(database)\".\"\(ops)\".\"scratch\"", "found: table", "schema left: False"] {
            XCTAssert(run.stdout.contains(line), "\(line) not in:\n\(run.stdout)")
        }
        let connection = try connect(try load(root, target: "postgres", environment: environment))
        XCTAssertEqual(try connection.query("select count(*) from pg_namespace where nspname = '\(ops)'", limit: nil).rows, [[.integer(0)]])
    }

    /// A failing operation rolls back what it did; one that succeeds commits.
    func testAFailingOperationKeepsNothingOnPostgres() throws {
        func operation(_ arguments: String...) throws -> (code: Int32, stdout: String, stderr: String) {
            try runCLI(["run-operation"] + arguments + ["--target", "postgres", "--profiles-dir", root], in: root, environment: environment)
        }
        let loaded = try load(root, target: "postgres", environment: environment)
        let connection = try connect(loaded)
        try connection.createSchema(schema)
        let failed = try operation("fail_midway", "--args", "{table: half}")
        XCTAssertEqual(failed.code, 1, failed.stdout + failed.stderr)
        XCTAssert((failed.stdout + failed.stderr).contains("relation \"no_such_table\" does not exist"), failed.stdout + failed.stderr)
        let kept = try operation("record", "--args", "{value: kept}")
        XCTAssertEqual(kept.code, 0, kept.stdout + kept.stderr)
        let tables = try connection.query("select table_name from information_schema.tables where table_schema = '\(schema)' "
                                          + "order by 1", limit: nil)
        XCTAssertEqual(tables.rows, [[.text("recorded")]])
        XCTAssertEqual(try connection.query("select value from \"\(schema)\".recorded", limit: nil).rows, [[.text("kept")]])
    }
}
