import Foundation
import TestSupport
import XCTest

/// `swiftdbt --log-format json source freshness` prints dbt-core 1.10's events field for field, as
/// scripts/record-source-freshness-log.py recorded them on PostgreSQL (Tests/Fixtures/reference/source-freshness-log.json):
/// each table's `LogStartLine` and `LogFreshnessResult` with its `node_info`, at dbt's levels (`info` for a pass,
/// `warn`, `error` for a stale table), then `FreshnessCheckComplete`; a selection with nothing to check is dbt's
/// `NothingToDo` warning; `--output` prints dbt's deprecation of it and the summary of deprecations at the end.
/// Times, durations, ids, the project's folder, the schema and the database are masked on both sides.
final class SourceFreshnessLogEventsTests: XCTestCase {
    private static let names: Set<String> = ["LogStartLine", "LogFreshnessResult", "FreshnessCheckComplete", "NothingToDo",
                                             "Deprecations", "DeprecationsSummary", "CustomOutputPathInSourceFreshnessDeprecation"]
    private static let masked: Set<String> = ["ts", "invocation_id", "pid", "execution_time", "node_started_at", "node_finished_at"]

    func testEventsAsDbtPostgres() throws {
        let environment = try requirePostgres()
        let file = fixtures.appendingPathComponent("reference/source-freshness-log.json")
        let reference = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let recorded = try XCTUnwrap(reference["postgres"] as? [String: Any], "record with PGHOST set")
        let (copy, schema) = try projectWithBothTargets("source_freshness", profile: "source_freshness")
        defer { removeProject(copy, schema: schema, environment: environment) }
        let load = try runCLI(["run", "--select", "loaders", "--target", "postgres", "--profiles-dir", copy], in: copy,
                              environment: environment)
        XCTAssertEqual(load.code, 0, load.stdout + load.stderr)
        let database = environment["PGDATABASE"] ?? "postgres"
        for label in ["freshness", "nothing", "output"] {
            let expected = try XCTUnwrap(recorded[label] as? [String: Any])
            // dbt takes `--log-format json` before the command too; swiftdbt takes it after (with the command's options).
            let arguments = try XCTUnwrap(expected["arguments"] as? [String]).filter { !["--log-format", "json"].contains($0) }
            let output = try runCLI(arguments + ["--log-format", "json", "--target", "postgres", "--profiles-dir", copy], in: copy, environment: environment)
            XCTAssertEqual(Int(output.code), expected["exit_code"] as? Int, "\(label): \(output.stdout)\(output.stderr)")
            let events = output.stdout.split(separator: "\n").compactMap { line -> Any? in
                guard let event = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let name = (event["info"] as? [String: Any])?["name"] as? String, Self.names.contains(name) else { return nil }
                return Self.mask(event, replacing: [(copy, "<project>"), (schema, "<schema>"), (database, "<database>")])
            }
            let wanted = try XCTUnwrap(expected["events"] as? [Any])
            XCTAssertEqual(events.count, wanted.count, "\(label): \(output.stdout)")
            for (event, want) in zip(events, wanted) {
                XCTAssertEqual(event as? NSDictionary, want as? NSDictionary, label)
            }
        }
    }

    /// `value` masked as the recorder masks dbt's events.
    private static func mask(_ value: Any, replacing names: [(String, String)]) -> Any {
        switch value {
        case let dict as [String: Any]:
            return Dictionary(uniqueKeysWithValues: dict.map { key, item in
                (key, masked.contains(key) && (item as? String) != "" ? "<masked>" : mask(item, replacing: names))
            })
        case let list as [Any]:
            return list.map { mask($0, replacing: names) }
        case let text as String:
            var out = text.replacing(#/ in \d+\.\d+s\]/#, with: " in Xs]")
            for (name, placeholder) in names { out = out.replacingOccurrences(of: name, with: placeholder) }
            return out
        default:
            return value
        }
    }
}
