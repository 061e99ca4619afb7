import Foundation
import TestSupport
import XCTest
@testable import SQLiteAdapter

/// Microbatch incremental models on a real SQLite file (fixture `execution/microbatch`), replaying what dbt-core 1.10
/// and dbt-sqlite 1.10 did (scripts/record-microbatch-reference.py): three daily batches, one of which fails; a
/// `retry` that runs only that batch; one day rebuilt with `--event-time-start/--event-time-end`; a full refresh.
/// Same exit codes, run results (statuses, messages, `batch_results`), batch lines and rows.
final class MicrobatchTests: XCTestCase {
    private var project: ExecutionProject!

    override func setUpWithError() throws {
        project = try ExecutionProject("microbatch")
        let folder = (project.root as NSString).deletingLastPathComponent
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
    }

    func testBatchesFailureRetryAndWindowsAsDbtCore() throws {
        let steps = try MicrobatchReference.steps("sqlite")
        XCTAssertEqual(steps.map(\.arguments.first), ["build", "retry", "run", "run"])
        for step in steps {
            if step.arguments == ["retry"] { _ = try project.rows("create table flaky_repairs (id integer)") }
            let run = try project.run(step.arguments)
            let label = step.arguments.joined(separator: " ")
            XCTAssertEqual(run.code, step.exitCode, "\(label)\n\(run.all)")
            let results = try project.runResults()
            for (id, expected) in step.results.sorted(by: { $0.key < $1.key }) {
                XCTAssertEqual(results[id].map(MicrobatchReference.NodeRecord.init), expected, "\(label): \(id)")
            }
            let console = run.lines.filter { $0.firstMatch(of: #/^(Batch )?\d+ of \d+ .* model |^Batch /#) != nil }
            XCTAssertEqual(console.map { MicrobatchReference.comparable($0, schema: "main") },
                           step.console.map { MicrobatchReference.comparable($0, schema: "main") }, label)
            for (name, expected) in step.tables.sorted(by: { $0.key < $1.key }) {
                let rows = try project.rows("select * from \"\(name)\"").map { $0.map(\.comparableText) }
                XCTAssertEqual(MicrobatchReference.sorted(rows), expected, "\(label): \(name)")
            }
        }
    }

    /// A batch reads only its window of an upstream relation with an `event_time`; `model.batch` names it.
    func testCompiledBatchFiltersUpstreamByEventTime() throws {
        XCTAssertEqual(try project.run("seed").code, 0)
        let run = try project.run("run", "-s", "daily", "--event-time-start", "2024-01-02", "--event-time-end", "2024-01-03")
        XCTAssertEqual(run.code, 0, run.all)
        let compiled = try String(contentsOfFile: project.root + "/target/run/microbatch/models/daily/daily_2024-01-02.sql", encoding: .utf8)
        XCTAssert(compiled.contains("""
            from (select * from "main"."events" where occurred_at >= '2024-01-02 00:00:00+00:00' \
            and occurred_at < '2024-01-03 00:00:00+00:00') _dbt_et_filter_subq_events
            """), compiled)
        XCTAssertEqual(try project.rows("select id, batch_id from daily order by id").map { $0.map(\.comparableText) },
                       [["3", "20240102"], ["4", "20240102"]])
    }

    /// `DBT_EVENT_TIME_START`/`DBT_EVENT_TIME_END` stand for the flags, as dbt reads them: the same one day is built;
    /// a value that is no date is a usage error naming the variable.
    func testEventTimeVariablesStandForTheFlags() throws {
        XCTAssertEqual(try project.run("seed").code, 0)
        let window = ["DBT_EVENT_TIME_START": "2024-01-02", "DBT_EVENT_TIME_END": "2024-01-03"]
        let run = try runCLI(["run", "-s", "daily"], in: project.root, environment: window)
        XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
        XCTAssertEqual(try project.rows("select id, batch_id from daily order by id").map { $0.map(\.comparableText) },
                       [["3", "20240102"], ["4", "20240102"]])
        let refused = try runCLI(["run", "-s", "daily"], in: project.root, environment: ["DBT_EVENT_TIME_START": "yesterday"])
        XCTAssertEqual(refused.code, 2, refused.stdout + refused.stderr)
        XCTAssert(refused.stderr.contains("DBT_EVENT_TIME_START=yesterday: not a date or time (YYYY-MM-DD, YYYY-MM-DD HH:MM:SS)"),
                  refused.stderr)
    }

    /// A microbatch model without `begin` cannot build its first batch: dbt's message, at the model.
    func testMissingBeginIsAnError() throws {
        try project.write("""
            {{ config(materialized='incremental', incremental_strategy='microbatch', event_time='occurred_at', batch_size='day') }}
            select * from {{ ref('events') }}
            """, to: "models/daily.sql")
        let run = try project.run("run", "-s", "daily")
        XCTAssertEqual(run.code, 1)
        XCTAssert(run.all.contains("Microbatch model 'daily' requires a 'begin' configuration."), run.all)
    }
}

private extension SQLiteValue {
    /// The value as the reference writes PostgreSQL's (Python's `str`): numbers and text as text.
    var comparableText: String? {
        switch self {
        case .integer(let value): return String(value)
        case .real(let value): return String(value)
        case .text(let value): return value
        default: return nil
        }
    }
}
