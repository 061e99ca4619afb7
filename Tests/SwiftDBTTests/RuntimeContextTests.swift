import Foundation
import TestSupport
import XCTest
@testable import SQLiteAdapter
@testable import SwiftDBT

/// Templates that ask the database, on real SQLite files: the `execution/runtime` fixture's
/// introspective macros, `statement`/`load_result`/`run_query`, `adapter.*`, and the lazily
/// opened connection.
final class RuntimeContextTests: XCTestCase {
    private var project: ExecutionProject!

    override func setUpWithError() throws {
        project = try ExecutionProject("runtime")
    }

    override func tearDownWithError() throws {
        if let project { try? FileManager.default.removeItem(atPath: (project.root as NSString).deletingLastPathComponent) }
    }

    func testIntrospectiveModelsBuild() throws {
        let build = try project.run("build")
        XCTAssertEqual(build.code, 0, build.all)
        XCTAssertEqual(try project.columns("people_slim"), ["id", "name", "city"])
        XCTAssertEqual(try project.columns("people_union"), ["id", "name", "city", "score", "nickname"])
        XCTAssertEqual(try project.rows("select id, city, nickname from people_union order by id"), [
            [1, "London", nil], [2, "Paris", nil], [3, "London", nil], [4, "Oslo", nil], [5, nil, "Em"], [6, nil, "Fifi"],
        ])
        XCTAssertEqual(try project.columns("city_counts"), ["n_london", "n_oslo", "n_paris"])
        XCTAssertEqual(try project.rows("select * from city_counts"), [[2, 1, 1]])
        XCTAssertEqual(try project.rows("select * from checks"), [[4, 68, 1, 1, "keyed", 1]])
        XCTAssertEqual(try project.rows("select day from week_days order by day"), [
            ["2024-02-26 00:00:00"], ["2024-02-27 00:00:00"], ["2024-02-28 00:00:00"], ["2024-02-29 00:00:00"],
            ["2024-03-01 00:00:00"], ["2024-03-02 00:00:00"], ["2024-03-03 00:00:00"],
        ], "dbt.date_spine: start included, end excluded")
    }

    /// On-run-end hooks see the invocation's flags, the run's results, schemas and selected resources.
    func testOnRunEndSeesFlagsResultsAndSchemas() throws {
        let build = try project.run("build", "--full-refresh")
        XCTAssertEqual(build.code, 0, build.all)
        XCTAssertEqual(try project.rows("select * from run_summary"), [["build", 1, 7, 7, "main", "main.main", 7, "checks"]])
        let run = try project.run("run", "--select", "people_slim")
        XCTAssertEqual(run.code, 0, run.all)
        XCTAssertEqual(try project.rows("select * from run_summary"), [["run", 0, 1, 1, "main", "main.main", 1, "people_slim"]])
    }

    /// A project whose templates never ask the database compiles without opening a connection.
    func testCompilingWithoutDatabaseCallsOpensNoConnection() throws {
        let loaded = try loadProject(try copyFixture("execution/hooks"))
        defer { try? FileManager.default.removeItem(atPath: (loaded.session.project.root as NSString).deletingLastPathComponent) }
        let runtime = DatabaseRuntime { throw DBTError(.connection, "compile must not connect") }
        let compiled = try CompileTask.run(loaded, selected: loaded.manifest.nodes.map(\.uniqueID), runtime: runtime)
        XCTAssertEqual(compiled.count, 2)
        XCTAssertFalse(runtime.isConnected)
    }

    /// Compiling the introspective models opens the connection on first use and reads the built tables.
    func testCompileOpensTheConnectionWhenATemplateAsks() throws {
        XCTAssertEqual(try project.run("seed").code, 0)
        let (loaded, runtime) = try loadWithRuntime()
        XCTAssertFalse(runtime.isConnected)
        let compiler = Compiler(session: loaded.session, manifest: loaded.manifest, runtime: runtime)
        let node = try XCTUnwrap(loaded.manifest.node("model.runtime.people_slim"))
        XCTAssertEqual(try compiler.compile(node), "select \"id\", \"name\", \"city\" from \"main\".\"people\"")
        XCTAssertTrue(runtime.isConnected)
    }

    func testStatementsAndTheirResults() throws {
        XCTAssertEqual(try project.run("seed").code, 0)
        let (loaded, runtime) = try loadWithRuntime()
        let compiler = Compiler(session: loaded.session, manifest: loaded.manifest, runtime: runtime)
        let output = try compiler.compileInline("""
        {% call statement('s', fetch_result=True) %}select id, name, score from {{ ref('people') }} order by id{% endcall %}\
        {% set r = load_result('s') %}{{ r.response }}|{{ r.response.rows_affected }}|{{ r.data[0] }}|{{ r.table.column_names }}|\
        {{ r.table.rows[1]['name'] }}|{{ r.table.rows | length }}|{{ r.table.columns['score'].values() }}|{{ r.table.rows[0][2] + 1 }}|\
        {{ load_result('nothing') }}|{% for row in run_query('select 1 as a, 2.5 as b') %}{{ row['b'] * 2 }},{{ row[0] }}{% endfor %}|\
        {{ run_query('select 1 as a').columns[0].name }}
        """)
        XCTAssertEqual(output, "OK|-1|(1, 'Ada', 90)|('id', 'name', 'score')|Brian|4|(90, 75, 82, 68)|91|None|5.0,1|a")
    }

    /// What package macros reach for besides `adapter`: the built-in relation and config macros, rows'
    /// columns as attributes, a table's columns as items.
    func testBuiltinRuntimeMacrosAndRowAccess() throws {
        XCTAssertEqual(try project.run("seed").code, 0)
        let (loaded, runtime) = try loadWithRuntime()
        let compiler = Compiler(session: loaded.session, manifest: loaded.manifest, runtime: runtime)
        XCTAssertEqual(try compiler.compileInline("""
        {{ load_relation(ref('people')).type }}|{{ load_cached_relation(api.Relation.create(schema='main', identifier='nope')) }}|\
        {{ should_full_refresh() }}|{{ should_store_failures() }}|\
        {% set t = run_query('select 1 as a, 2 as b') %}{% for row in t %}{{ row.b }}{% endfor %}|\
        {% for name, column in t.columns.items() %}{{ name }}={{ column.values() }};{% endfor %}
        """), "table|None|False|False|2|a=(1,);b=(2,);")
    }

    /// What statements report (`load_result(...).response`), as dbt-sqlite reports it.
    func testStatementResponsesAsDbtSQLiteReportsThem() throws {
        let (loaded, runtime) = try loadWithRuntime()
        let compiler = Compiler(session: loaded.session, manifest: loaded.manifest, runtime: runtime)
        let cases = try StatementResponseCase.load(adapter: "sqlite")
        XCTAssertEqual(cases.count, 8)
        for item in cases {
            XCTAssertEqual(try compiler.compileInline(item.template(table: "scratch")), item.expected, item.sql)
        }
    }

    /// A statement the database refuses: its message, where the template called it, and the macro chain.
    func testAFailingStatementReportsTheDatabaseMessageAndTemplateLine() throws {
        let (loaded, runtime) = try loadWithRuntime()
        let compiler = Compiler(session: loaded.session, manifest: loaded.manifest, runtime: runtime)
        XCTAssertThrowsError(try compiler.compileInline("select 1\n{% set t = run_query('select * from no_such_table') %}")) { error in
            let failure = error as? DBTError
            XCTAssertEqual(failure?.kind, .compilation)
            XCTAssertEqual(failure?.message, "no such table: no_such_table")
            XCTAssertEqual(failure?.location?.path, "swiftdbt/macros/statement.sql")
            XCTAssertEqual(failure?.notes, ["in macro 'run_query' called at <inline>:2:12",
                                            "in macro 'statement' called at swiftdbt/macros/statement.sql:20:14"])
        }
    }

    func testAdapterMethodsOnSQLite() throws {
        XCTAssertEqual(try project.run("seed").code, 0)
        let (loaded, runtime) = try loadWithRuntime()
        let compiler = Compiler(session: loaded.session, manifest: loaded.manifest, runtime: runtime)
        func render(_ template: String) throws -> String { try compiler.compileInline(template) }
        XCTAssertEqual(try render("""
        {% set p = adapter.get_relation(database='main', schema='main', identifier='people') %}\
        {{ p }}|{{ p.type }}|{{ adapter.get_relation('main', 'main', 'nope') }}|{{ adapter.already_exists('main', 'people') }}|\
        {{ adapter.load_relation(ref('people')).is_table }}|{{ adapter.get_relation('main', 'no_schema', 'people') }}
        """), "\"main\".\"people\"|table|None|True|True|None")
        XCTAssertEqual(try render("""
        {% for c in adapter.get_columns_in_relation(ref('people')) %}{{ c.name }}:{{ c.dtype }}:{{ c.is_number() }};{% endfor %}|\
        {{ adapter.get_columns_in_relation(api.Relation.create(schema='main', identifier='nope')) }}|\
        {{ adapter.get_missing_columns(ref('people'), ref('extra_people')) | map(attribute='name') | list }}
        """), "id:INT:False;name:TEXT:False;city:TEXT:False;score:INT:False;|[]|['city', 'score']",
           "seeds declare INT as dbt-sqlite does, which dbt's Column does not count as a number")
        XCTAssertEqual(try render("""
        {{ 'main' in adapter.list_schemas('main') }}|{{ adapter.check_schema_exists('main', 'main') }}|\
        {{ adapter.check_schema_exists('main', 'scratch') }}|\
        {{ adapter.list_relations_without_caching(api.Relation.create(schema='main')) | map(attribute='identifier') | list }}|\
        {{ adapter.quote_seed_column('a b', none) }}|{{ adapter.quote_seed_column('a', false) }}|\
        {{ adapter.quote_as_configured('s', 'schema') }}|{{ adapter.quote_as_configured('t', 'identifier') }}|\
        {{ adapter.type() }}|{{ adapter.Relation.create(schema='x', identifier='y') }}
        """), "True|True|False|['extra_people', 'people', 'run_summary']|\"a b\"|a|\"s\"|\"t\"|sqlite|\"x\".\"y\"")
        // Changes: each answer afterwards comes from the cache the changes kept current.
        XCTAssertEqual(try render("""
        {% set scratch = api.Relation.create(schema='scratch', identifier='t') %}\
        {% do adapter.create_schema(scratch) %}{{ adapter.check_schema_exists('main', 'scratch') }}|\
        {% do adapter.execute('create table scratch.t as select * from main.people') %}\
        {{ adapter.get_relation('main', 'scratch', 't').type }}|\
        {% do adapter.truncate_relation(scratch) %}{{ run_query('select count(*) from scratch.t').rows[0][0] }}|\
        {% do adapter.rename_relation(scratch, scratch.incorporate(path={'identifier': 'u'})) %}\
        {{ adapter.get_relation('main', 'scratch', 't') }}|{{ adapter.get_relation('main', 'scratch', 'u').type }}|\
        {% do adapter.drop_relation(adapter.get_relation('main', 'scratch', 'u')) %}{{ adapter.get_relation('main', 'scratch', 'u') }}|\
        {% do adapter.drop_schema(scratch) %}{{ adapter.check_schema_exists('main', 'scratch') }}
        """), "True|table|0|None|table|None|False")
        XCTAssertFalse(project.exists("target/scratch.db"))
        XCTAssertEqual(try render("""
        {{ adapter.valid_incremental_strategies() }}|\
        {{ adapter.get_incremental_strategy_macro(none, 'append')({'target_relation': 't', 'temp_relation': 's'}) }}
        """), "['append']|insert into t select * from s", "dbt-sqlite lists dbt's base adapter's strategies only "
            + "(scripts/record-incremental-strategies.py); swiftdbt still runs delete+insert and merge there")
        XCTAssertThrowsError(try render("{{ adapter.get_incremental_strategy_macro(none, 'microbatch') }}")) { error in
            XCTAssertEqual((error as? DBTError)?.message, "The incremental strategy 'microbatch' is not valid for this adapter")
        }
        // The built-in strategies are macros of the global project, as in dbt.
        XCTAssertEqual(try render("""
        {{ adapter.get_incremental_strategy_macro(none, 'delete+insert')({'target_relation': 't', 'temp_relation': 's',
           'unique_key': 'id', 'dest_columns': [api.Column('id', 'integer')], 'incremental_predicates': none}) }}
        """), "delete from t as DBT_INTERNAL_DEST where (\"id\") in (select \"id\" from s);\ninsert into t (\"id\") select \"id\" from s")
        XCTAssertThrowsError(try render("{{ adapter.get_incremental_strategy_macro(none, 'insert_by_period') }}")) { error in
            XCTAssertEqual((error as? DBTError)?.message,
                           "there is no incremental strategy macro named 'get_incremental_insert_by_period_sql' in runtime")
        }
        XCTAssertThrowsError(try render("{{ api.Column('a', 'integer').string_size() }}")) { error in
            XCTAssertEqual((error as? DBTError)?.message, "Called string_size() on non-string field!")
        }
    }

    /// Parsing renders with `execute` false and no connection: database methods answer as dbt's do then,
    /// and change nothing.
    func testParseAnswersWithoutADatabase() throws {
        let loaded = try loadProject(project.root)
        let state = RenderState(session: loaded.session, node: try XCTUnwrap(loaded.manifest.node("model.runtime.checks")), phase: .parse)
        let template = try loaded.session.templates.parse("""
        {{ run_query('select 1') }}|{{ load_result('x') }}|{{ adapter.get_columns_in_relation(ref('people')) }}|\
        {{ adapter.get_relation('main', 'main', 'people') }}|{{ execute }}|\
        {{ adapter.execute('drop table people')[1].rows | length }}|{{ adapter.drop_relation(ref('people')) }}|\
        {{ adapter.check_schema_exists('main', 'main') }}|{{ adapter.quote_seed_column('a', none) }}
        """, name: "parse.sql")
        let output = try loaded.session.templates.render(template, [:], globals: state.scope(for: "runtime"))
        XCTAssertEqual(output, "None|None|[]|None|False|0|None|False|\"a\"")
    }

    func testRunOperationCreatesAndDropsASchema() throws {
        let run = try project.run("run-operation", "make_and_drop_schema", "--args", "{name: scratch}")
        XCTAssertEqual(run.code, 0, run.all)
        for line in ["created \"scratch\".\"scratch\"", "found: table", "schema left: False"] {
            XCTAssert(run.lines.contains(line), "\(line) not in:\n\(run.stdout)")
        }
        XCTAssertFalse(project.exists("target/scratch.db"))
    }

    /// A failing operation leaves nothing it did, and nothing after the failing statement runs.
    func testAFailingOperationKeepsNothingAndExitsOne() throws {
        let failed = try project.run("run-operation", "fail_midway", "--args", "{table: half}")
        XCTAssertEqual(failed.code, 1, failed.all)
        XCTAssert(failed.all.contains("no such table: no_such_table"), failed.all)
        XCTAssert(failed.all.contains("in macro 'statement' called at macros/operations.sql:18:14"), failed.all)
        let kept = try project.run("run-operation", "record", "--args", "{\"value\": \"it's kept\"}")
        XCTAssertEqual(kept.code, 0, kept.all)
        XCTAssertEqual(Set(try project.relations().keys), ["recorded"])
        XCTAssertEqual(try project.rows("select value from recorded"), [["it's kept"]])
    }

    func testRunOperationRejectsUnusableInput() throws {
        let unknown = try project.run("run-operation", "no_such_macro")
        XCTAssertEqual(unknown.code, 2)
        XCTAssert(unknown.all.contains("swiftdbt could not find a macro with the name 'no_such_macro' in any package"),
                  unknown.all)
        let badArguments = try project.run("run-operation", "record", "--args", "[1, 2]")
        XCTAssertEqual(badArguments.code, 2)
        XCTAssert(badArguments.all.contains("--args must be a YAML or JSON mapping, like '{key: value}'"), badArguments.all)
    }

    private func loadWithRuntime() throws -> (LoadedProject, DatabaseRuntime) {
        let loaded = try loadProject(project.root)
        let target = loaded.session.target
        let root = loaded.session.project.root
        return (loaded, DatabaseRuntime { try SQLiteAdapterFactory().connect(target, projectRoot: root) })
    }
}
