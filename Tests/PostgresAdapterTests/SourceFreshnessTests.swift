import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// `swiftdbt source freshness` and `source_status:` selection as dbt-core 1.10 does them, on the fixture
/// `source_freshness` (its `loaders` models write each source table with load times relative to now), step for step
/// as scripts/record-source-freshness.py recorded them (Tests/Fixtures/reference/source-freshness.json): statuses,
/// console lines, exit codes, sources.json's shape, `--select`, `--output`, `source_status:fresher[+]` with `--state`,
/// `build` checking no freshness, the error without the state's sources.json, `--threads 3`, and a project's own
/// `collect_freshness` (Tests/Fixtures/source_freshness_override).
///
/// On SQLite the statuses are dbt-postgres's: dbt-sqlite cannot read SQLite's text timestamps and fails every check
/// (recorded too, and asserted below), where swiftdbt reads them as timestamps (naive ones as UTC).
final class SourceFreshnessTests: XCTestCase {
    func testFreshnessAsDbtPostgres() throws {
        try compare("postgres", environment: try requirePostgres())
    }

    func testFreshnessOnSQLiteAsDbtPostgres() throws {
        let recorded = try reference()
        let sqlite = try XCTUnwrap(recorded["sqlite"] as? [String: Any])
        let lines = try XCTUnwrap((sqlite["freshness"] as? [String: Any])?["lines"] as? [String])
        XCTAssert(lines.contains { $0.contains("but received value of type 'str' instead") }, "dbt-sqlite reads text timestamps now?")
        try compare("sqlite", environment: [:])
    }

    private func reference() throws -> [String: Any] {
        let file = fixtures.appendingPathComponent("reference/source-freshness.json")
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
    }

    private func compare(_ adapter: String, environment: [String: String]) throws {
        let recorded = try XCTUnwrap(try reference()["postgres"] as? [String: Any], "record with PGHOST set")
        let (copy, schema) = try projectWithBothTargets("source_freshness", profile: "source_freshness")
        defer { removeProject(copy, schema: schema, environment: environment) }
        let target = copy + "/target"
        // Models' lines differ between databases (`[OK ...]` on SQLite, `[SELECT 1 ...]` on PostgreSQL).
        func step(_ name: String, _ arguments: [String], linesAlike: Bool = true, zones: [String: String] = [:]) throws {
            let output = try runCLI(arguments + ["--target", adapter, "--profiles-dir", copy], in: copy,
                                    environment: environment.merging(zones) { $1 })
            let expected = try XCTUnwrap(recorded[name] as? [String: Any])
            XCTAssertEqual(Int(output.code), expected["exit_code"] as? Int, "\(name): \(output.stdout)\(output.stderr)")
            guard linesAlike || adapter == "postgres" else { return }
            XCTAssertEqual(Self.progressLines(output.stdout + output.stderr),
                           Self.progressLines((expected["lines"] as? [String] ?? []).joined(separator: "\n")), name)
        }
        func sourcesJSON(_ name: String, file: String = "sources.json") throws {
            var expected = try XCTUnwrap((recorded[name] as? [String: Any])?["sources_json"] as? [String: Any])
            var written = try Self.shape(target + "/" + file)
            if adapter == "sqlite" {
                // SQLite's times have whole seconds (Python writes no fraction then), and its responses no code
                // (`{"_message": "OK", "rows_affected": -1}`, as dbt-sqlite's).
                expected = Self.withoutFractions(expected, adapterResponse: ["_message", "rows_affected"])
                written = Self.withoutFractions(written, adapterResponse: ["_message", "rows_affected"])
            }
            XCTAssertEqual(written as NSDictionary, expected as NSDictionary, name)
        }

        try step("load", ["run", "--select", "loaders"], linesAlike: false)
        let runResults = try Data(contentsOf: URL(fileURLWithPath: target + "/run_results.json"))
        // Other zones for the session (PGTZ: timestamptz values arrive as +05:30) and the process change nothing:
        // zoned times are converted, and times without a zone count as UTC.
        try step("freshness", ["source", "freshness"], zones: ["PGTZ": "Asia/Kolkata", "TZ": "America/New_York"])
        try sourcesJSON("freshness")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: target + "/run_results.json")), runResults,
                       "source freshness rewrote run_results.json, which dbt-core 1.10 does not")

        try FileManager.default.copyItem(atPath: target, toPath: copy + "/state")
        let connection = try connect(try load(copy, target: adapter, environment: environment))
        try connection.execute(adapter == "sqlite" ? "insert into late_payments values (2, datetime('now'))"
                               : "insert into \"\(schema)\".\"late_payments\" values (2, now())")
        try step("freshness_again", ["source", "freshness"])
        try sourcesJSON("freshness_again")

        let statusSteps = try XCTUnwrap(recorded["source_status"] as? [[String: Any]])
        for expected in statusSteps {
            let arguments = try XCTUnwrap(expected["arguments"] as? [String])
            let output = try runCLI(arguments + ["--target", adapter, "--profiles-dir", copy], in: copy, environment: environment)
            XCTAssertEqual(Int(output.code), expected["exit_code"] as? Int, output.stdout + output.stderr)
            let lines = (expected["lines"] as? [String] ?? []).filter { !$0.hasPrefix("Found ") }
            if arguments[0] == "ls" {
                XCTAssertEqual(output.stdout.split(separator: "\n").map(String.init).filter { !$0.isEmpty }.sorted(), lines.sorted(),
                               arguments.joined(separator: " "))
            } else if adapter == "postgres" {
                XCTAssertEqual(Self.progressLines(output.stdout), Self.progressLines(lines.joined(separator: "\n")))
            }
        }
        XCTAssertEqual(try Self.resultIDs(target), recorded["source_status_build_ids"] as? [String])

        try step("select_one", ["source", "freshness", "--select", "source:raw.fresh_orders"])
        try sourcesJSON("select_one")
        try step("select_output", ["source", "freshness", "-s", "source:app+", "-o", "target/app.json"])
        try sourcesJSON("select_output", file: "app.json")
        let defaultIDs = try Self.shape(target + "/sources.json")["results"] as? [[String: Any]]
        XCTAssertEqual(defaultIDs?.compactMap { $0["unique_id"] as? String },
                       (recorded["select_output"] as? [String: Any])?["default_file_ids"] as? [String])

        try step("build", ["build"], linesAlike: false)
        XCTAssertEqual(try Self.resultIDs(target), recorded["build_ids"] as? [String])

        try FileManager.default.removeItem(atPath: copy + "/state/sources.json")
        let missing = try runCLI(["ls", "--select", "source_status:fresher", "--state", "state", "--target", adapter, "--profiles-dir", copy],
                                 in: copy, environment: environment)
        let expected = try XCTUnwrap(recorded["no_state_sources"] as? [String: Any])
        XCTAssertEqual(Int(missing.code), expected["exit_code"] as? Int)
        XCTAssert(missing.stderr.contains("No previous state comparison freshness results in sources.json"), missing.stderr)

        // Three threads: the same statuses, each table checked by one of three workers, lines in the order checks end.
        let threaded = try runCLI(["source", "freshness", "--threads", "3", "--target", adapter, "--profiles-dir", copy],
                                  in: copy, environment: environment)
        let threads = try XCTUnwrap(recorded["threads"] as? [String: Any])
        XCTAssertEqual(Int(threaded.code), threads["exit_code"] as? Int)
        XCTAssertEqual(Self.progressLines(threaded.stdout).sorted(),
                       Self.progressLines((threads["lines"] as? [String] ?? []).joined(separator: "\n")).sorted())
        let written = try Self.shape(target + "/sources.json")["results"] as? [[String: Any]] ?? []
        let expectedResults = (threads["sources_json"] as? [String: Any])?["results"] as? [[String: Any]] ?? []
        XCTAssertEqual(written.compactMap { $0["status"] as? String }, expectedResults.compactMap { $0["status"] as? String })
        XCTAssert(Set(written.compactMap { $0["thread_id"] as? String }).isSubset(of: ["Thread-1 (worker)", "Thread-2 (worker)", "Thread-3 (worker)"]))

        // The project's own collect_freshness wins over the built-in one.
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("source_freshness_override/collect_freshness.sql"),
                                         to: URL(fileURLWithPath: copy + "/macros/collect_freshness.sql"))
        try step("override", ["source", "freshness"])
        try sourcesJSON("override")
        try step("nothing", ["source", "freshness", "-s", "source:app.undated"])
        try sourcesJSON("nothing")
    }

    /// The lines both tools print alike, without their timestamps: progress (`1 of 7 START ...`, times as `in Xs`), the
    /// failures after the run (`Failure in source ...`, `Status: error`) and `Done.`; models' relation names without
    /// the schema (and their padding shortened).
    private static func progressLines(_ text: String) -> [String] {
        let time = try? NSRegularExpression(pattern: #" in \d+\.\d+s\]"#)
        let schema = try? NSRegularExpression(pattern: #"(main|ref_[0-9a-f]{8}|t_[0-9a-f]{8})\."#)
        let stamp = try? NSRegularExpression(pattern: #"^\d\d:\d\d:\d\d +"#)
        let dots = try? NSRegularExpression(pattern: #" \.+ \["#)
        return text.split(separator: "\n").map { line in
            let line = String(line)
            let bare = stamp?.stringByReplacingMatches(in: line, range: NSRange(line.startIndex..., in: line), withTemplate: "") ?? line
            return bare.trimmingCharacters(in: .whitespaces)
        }.compactMap { line in
            let kept = line.range(of: #"^\d+ of \d+ "#, options: .regularExpression) != nil
                || line.hasPrefix("Failure in source") || line == "Status: error" || line.hasPrefix("Done.")
            guard kept else { return nil }
            var text = line
            for pattern in [time, schema].compactMap({ $0 }) {
                let replacement = pattern === time ? " in Xs]" : ""
                text = pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: replacement)
            }
            // A model's line is padded after its relation name, which holds the database's schema.
            if text.contains(" model "), let dots {
                text = dots.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: " ... [")
            }
            return text
        }
    }

    /// `shape` with timestamps' forms without `.fraction`, and `adapter_response` keys replaced.
    private static func withoutFractions(_ shape: [String: Any], adapterResponse: [String]) -> [String: Any] {
        var shape = shape
        shape["results"] = (shape["results"] as? [[String: Any]] ?? []).map { result in
            var result = result
            for key in ["max_loaded_at", "snapshotted_at"] {
                result[key] = (result[key] as? String)?.replacingOccurrences(of: ".fraction", with: "")
            }
            if result["adapter_response"] != nil { result["adapter_response"] = adapterResponse }
            return result
        }
        return shape
    }

    /// sources.json as the recorder keeps it (scripts/record-source-freshness.py `sources_json`).
    private static func shape(_ path: String) throws -> [String: Any] {
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let metadata = try XCTUnwrap(document["metadata"] as? [String: Any])
        let results = try XCTUnwrap(document["results"] as? [[String: Any]]).map { result -> [String: Any] in
            var entry: [String: Any] = ["keys": orderedKeys(path, result["unique_id"] as? String ?? ""),
                                        "unique_id": result["unique_id"] ?? "", "status": result["status"] ?? ""]
            if let criteria = result["criteria"] {
                entry["criteria"] = criteria
                entry["adapter_response"] = ((result["adapter_response"] as? [String: Any]) ?? [:]).keys.sorted()
                entry["timing"] = (result["timing"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                entry["thread_id"] = result["thread_id"] ?? ""
                entry["max_loaded_at"] = timestampShape(result["max_loaded_at"])
                entry["snapshotted_at"] = timestampShape(result["snapshotted_at"])
                entry["age_is_number"] = result["max_loaded_at_time_ago_in_s"] is NSNumber
            }
            return entry
        }.sorted { ($0["unique_id"] as? String ?? "") < ($1["unique_id"] as? String ?? "") }
        return ["keys": ["metadata", "results", "elapsed_time"].filter { document[$0] != nil }, "metadata": metadata.keys.sorted(),
                "schema": metadata["dbt_schema_version"] ?? "", "results": results]
    }

    /// A result's keys in the order the file writes them (JSONSerialization forgets the order): the keys written at
    /// the indentation of its `unique_id` line, up to the end of its object.
    private static func orderedKeys(_ path: String, _ id: String) -> [String] {
        let lines = ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        guard let first = lines.firstIndex(where: { $0.contains("\"unique_id\": \"\(id)\"") }) else { return [] }
        let indent = lines[first].prefix { $0 == " " }.count
        var keys: [String] = []
        for line in lines[first...] {
            let depth = line.prefix { $0 == " " }.count
            if depth < indent { break }
            guard depth == indent, line.dropFirst(depth).hasPrefix("\""),
                  let close = line.dropFirst(depth + 1).firstIndex(of: "\"") else { continue }
            keys.append(String(line[line.index(line.startIndex, offsetBy: depth + 1)..<close]))
        }
        return keys
    }

    /// `iso`, then `+offset` or `Z` and `.fraction` as the recorder names a timestamp's form.
    private static func timestampShape(_ value: Any?) -> String {
        guard let text = value as? String,
              let match = text.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$"#, options: .regularExpression),
              match.lowerBound == text.startIndex else { return "\(value ?? "")" }
        let zone = text.hasSuffix("Z") ? "Z" : text.range(of: #"[+-]\d\d:\d\d$"#, options: .regularExpression) != nil ? "+offset" : ""
        return "iso" + zone + (text.contains(".") ? ".fraction" : "")
    }

    private static func resultIDs(_ target: String) throws -> [String] {
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: target + "/run_results.json")))
        return ((document as? [String: Any])?["results"] as? [[String: Any]] ?? []).compactMap { $0["unique_id"] as? String }.sorted()
    }
}
