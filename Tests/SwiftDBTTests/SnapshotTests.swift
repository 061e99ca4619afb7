import Foundation
import TestSupport
import XCTest
@testable import SQLiteAdapter

/// Snapshots on a real SQLite file (fixture `execution/snapshots`): four builds over `items`, whose rows are
/// inserted, updated and deleted between them, with both strategies, every `hard_deletes` mode, a composite
/// key, `dbt_valid_to_current`, `snapshot_meta_column_names` and a snapshot defined in YAML, compared with what dbt-core 1.10 and dbt-sqlite made of the same builds.
final class SnapshotTests: XCTestCase {
    private var project: ExecutionProject!

    override func setUpWithError() throws {
        project = try ExecutionProject("snapshots")
        let folder = (project.root as NSString).deletingLastPathComponent
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// Each build recorded with dbt-core 1.10 and dbt-sqlite (scripts/record-snapshot-reference.py), replayed.
    ///
    /// dbt-sqlite fails `hard_deletes: new_record` snapshots from their second build ("get_columns_in_relation
    /// macro not implemented for adapter sqlite"), and one with `snapshot_meta_column_names` too (its merge names
    /// `dbt_valid_to`), so the reference has them only as the first build made them; swiftdbt builds them, and so
    /// exits 0 where dbt exits 1 for them.
    func testSameRowsAsDbtCoreOverFourBuilds() throws {
        let steps = try SnapshotReference.load(fixturesFolder.appendingPathComponent("reference/snapshots.json"), adapter: "sqlite")
        XCTAssertEqual(steps.count, 4)
        let dbtSQLiteFailures: Set<String> = ["ts_new_record", "check_new_record", "ts_renamed"]
        var failedInDbt: Set<String> = []
        for step in steps {
            XCTAssert(Set(step.failed).isSubset(of: dbtSQLiteFailures), "dbt-sqlite failed \(step.failed)")
            failedInDbt.formUnion(step.failed)
            let run = try project.run("build", "--vars", "step: \(step.step)")
            XCTAssertEqual(run.code, step.failed.isEmpty ? step.exitCode : 0, run.all)
            XCTAssertEqual(step.tables.count, 9)
            for (name, expected) in step.tables.sorted(by: { $0.key < $1.key }) where !failedInDbt.contains(name) {
                let table = try snapshotTable(name)
                XCTAssertEqual(table, expected, "step \(step.step), snapshot \(name):\n\(table)\nexpected:\n\(expected)")
            }
        }
        XCTAssertEqual(failedInDbt, dbtSQLiteFailures)
    }

    /// `swiftdbt snapshot` builds the selected snapshots only, printed as dbt prints them; `ls` and selection see
    /// them (a `dbt_project.yml` tag given by folder), and a model reads one through `ref()`.
    func testSnapshotCommandSelectionAndRef() throws {
        XCTAssertEqual(try project.run("seed").code, 0)
        XCTAssertEqual(try project.run("run", "-s", "items").code, 0)
        let run = try project.run("snapshot", "-s", "tag:history")
        XCTAssertEqual(run.code, 0, run.all)
        let line = { (text: String) in text + String(repeating: ".", count: max(0, 80 - text.count)) + " [OK in Xs]" }
        XCTAssertEqual(run.results, [line("1 of 3 OK snapshotted main.check_ignore "), line("2 of 3 OK snapshotted main.check_invalidate "),
                                     line("3 of 3 OK snapshotted main.check_new_record ")])
        XCTAssertEqual(try project.relations().keys.sorted(), ["check_ignore", "check_invalidate", "check_new_record", "item_versions", "items"])
        let listed = try project.run("ls", "--resource-type", "snapshot", "-s", "snapshots.composite")
        XCTAssertEqual(listed.lines.filter { $0.hasPrefix("snapshots.") }, ["snapshots.composite.ts_composite", "snapshots.composite.ts_renamed"])
        XCTAssertEqual(try project.run("build", "-s", "+current_items").code, 0)
        XCTAssertEqual(try project.rows("select id from current_items order by id"), [[.integer(1)], [.integer(2)], [.integer(3)]])
    }

    /// Where snapshots land (fixture `snapshot_naming`): `target_schema` wins over `schema` wherever each is set and is
    /// used as written; `schema` and `alias` otherwise name the relation as for models; a YAML snapshot's path is its
    /// property file's followed by its name; a snapshot config set without `+` in `dbt_project.yml` is a config.
    /// Recorded with dbt-core 1.10 (scripts/record-snapshot-naming.py).
    func testRelationNamesAsDbtCore() throws {
        let root = try copyFixture("snapshot_naming")
        addTeardownBlock { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let parse = try runCLI(["parse"], in: root)
        XCTAssertEqual(parse.code, 0, parse.stdout + parse.stderr)
        let keys = ["schema", "alias", "fqn", "path", "original_file_path"]
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root + "/target/manifest.json")))
            as? [String: Any])
        let nodes = try XCTUnwrap(manifest["nodes"] as? [String: [String: Any]])
        let reference = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: fixturesFolder
            .appendingPathComponent("dbt-reference/snapshot_naming.json"))) as? [String: Any])
        let expected = try XCTUnwrap(reference["snapshots"] as? [String: [String: Any]])
        let ours = nodes.filter { $0.value["resource_type"] as? String == "snapshot" }
        XCTAssertEqual(ours.keys.sorted(), expected.keys.sorted())
        for (id, node) in expected {
            for key in keys {
                XCTAssertEqual("\(ours[id]?[key] ?? "missing")", "\(node[key] ?? "missing")", "\(id) \(key)")
            }
            let hardDeletes = (ours[id]?["config"] as? [String: Any])?["hard_deletes"] as? String
            XCTAssertEqual(hardDeletes, node["hard_deletes"] as? String, "\(id) hard_deletes, set without + in dbt_project.yml")
        }
    }

    /// A project's own strategy, `snapshot_<name>_strategy` (here one that is the timestamp strategy by another
    /// name, reading `hard_deletes` through `adapter.get_hard_deletes_behavior` as dbt's do), gives the rows dbt
    /// made with `timestamp`.
    func testAProjectsOwnStrategy() throws {
        try FileManager.default.createDirectory(atPath: project.root + "/macros", withIntermediateDirectories: true)
        try project.write("""
            {% macro snapshot_stamped_strategy(node, snapshotted_rel, current_rel, model_config, target_exists) %}
                {% set strategy = snapshot_timestamp_strategy(node, snapshotted_rel, current_rel, model_config, target_exists) %}
                {% do strategy.update({'hard_deletes': adapter.get_hard_deletes_behavior(config)}) %}
                {{ return(strategy) }}
            {% endmacro %}
            """, to: "macros/stamped.sql")
        try project.write("""
            {% snapshot stamped_invalidate %}
                {{ config(strategy='stamped', updated_at='updated_at', invalidate_hard_deletes=True) }}
                select * from {{ ref('items') }}
            {% endsnapshot %}
            """, to: "snapshots/stamped.sql")
        let steps = try SnapshotReference.load(fixturesFolder.appendingPathComponent("reference/snapshots.json"), adapter: "sqlite")
        for step in steps.prefix(3) {
            let run = try project.run("build", "--vars", "step: \(step.step)", "-s", "+stamped_invalidate")
            XCTAssertEqual(run.code, 0, run.all)
            XCTAssertEqual(try snapshotTable("stamped_invalidate"), step.tables["ts_invalidate"], "step \(step.step)")
        }
    }

    /// A snapshot that fails leaves its table as the last build made it, and no staging table behind.
    func testAFailedSnapshotLeavesItsTable() throws {
        let steps = try SnapshotReference.load(fixturesFolder.appendingPathComponent("reference/snapshots.json"), adapter: "sqlite")
        XCTAssertEqual(try project.run("build", "--vars", "step: 1").code, 0)
        let file = project.root + "/snapshots/timestamp_snapshots.sql"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try project.write(text.replacingOccurrences(of: "{% snapshot ts_ignore %}\n    {{ config(strategy='timestamp', updated_at='updated_at') }}\n"
                                                    + "    select * from {{ ref('items') }}",
                                                    with: "{% snapshot ts_ignore %}\n    {{ config(strategy='timestamp', updated_at='updated_at') }}\n"
                                                    + "    select *, 1 / 0 as broken from {{ ref('items') }} where no_such_column = 1"),
                          to: "snapshots/timestamp_snapshots.sql")
        let run = try project.run("build", "--vars", "step: 2", "-s", "+ts_ignore")
        XCTAssertEqual(run.code, 1, run.all)
        XCTAssert(run.stdout.contains("no such column: no_such_column"), run.stdout)
        XCTAssertEqual(try snapshotTable("ts_ignore"), steps.first?.tables["ts_ignore"])
        let relations = try project.relations()
        XCTAssertFalse(relations.keys.contains { $0.hasSuffix("__dbt_tmp") }, "\(relations)")
    }

    /// A snapshot's columns and rows, normalised as the reference is.
    private func snapshotTable(_ name: String) throws -> SnapshotReference.Table {
        SnapshotReference.normalised(columns: try project.columns(name), rows: try project.rows("select * from \"\(name)\"").map {
            $0.map { value -> String? in
                switch value {
                case .integer(let i): return String(i)
                case .real(let d): return String(d)
                case .text(let t): return t
                case .null, .blob: return nil
                }
            }
        })
    }
}
