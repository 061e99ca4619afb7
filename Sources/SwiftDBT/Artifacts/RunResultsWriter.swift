import Foundation

/// Writes `target/run_results.json` in dbt's shape.
public enum RunResultsWriter {
    public static func write(_ results: [NodeResult], loaded: LoadedProject, elapsed: TimeInterval, command: String) throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let document = ConfigValue.dict([
            ("metadata", .dict([
                ("dbt_schema_version", .string("https://schemas.getdbt.com/dbt/run-results/v6.json")),
                ("dbt_version", .string(SwiftDBTVersion.dbtCompatible)),
                ("generated_at", .string(formatter.string(from: Date()))),
                ("invocation_id", .string(loaded.session.invocationID)),
                ("invocation_started_at", .string(formatter.string(from: loaded.session.runStartedAt))),
                ("env", .dict([])),
            ])),
            ("results", .list(results.map { result in
                .dict([
                    ("status", .string(result.status.rawValue)),
                    ("timing", .list(result.status == .skipped ? [] : [.dict([
                        ("name", .string("execute")),
                        ("started_at", .string(formatter.string(from: result.startedAt))),
                        ("completed_at", .string(formatter.string(from: result.completedAt))),
                    ])])),
                    ("thread_id", .string("Thread-1")),
                    ("execution_time", .double(result.executionTime)),
                    ("adapter_response", adapterResponse(result)),
                    ("message", .string(result.message)),
                    ("failures", result.failures.map { .int($0) } ?? .null),
                    ("unique_id", .string(result.uniqueID)),
                    ("compiled", .bool(result.compiledCode != nil)),
                    ("compiled_code", result.compiledCode.map(ConfigValue.string) ?? .null),
                    ("relation_name", result.relationName.map(ConfigValue.string) ?? .null),
                    ("batch_results", result.batchResults.map(batchResults) ?? .null),
                ])
            })),
            ("elapsed_time", .double(elapsed)),
            ("args", .dict([("which", .string(command))])),
        ])
        try TargetPaths.write(JSONWriter.string(document, pretty: true), to: TargetPaths(loaded.session.project).file("run_results.json"))
    }

    /// What the adapter said of the node's statement, in dbt's shape (`_message`, `code`, `rows_affected`),
    /// where swiftdbt knows it; empty otherwise.
    private static func adapterResponse(_ result: NodeResult) -> ConfigValue {
        guard let rows = result.rowsAffected else { return .dict([]) }
        return .dict([("_message", .string(result.message)), ("code", .string(result.message.split(separator: " ").first.map(String.init) ?? "")),
                      ("rows_affected", .int(rows))])
    }

    /// A microbatch model's `batch_results`: `successful` and `failed` lists of `[start, end]` (`2024-01-02T00:00:00+00:00`).
    private static func batchResults(_ batches: BatchResults) -> ConfigValue {
        let windows = { (intervals: [DateInterval]) in
            ConfigValue.list(intervals.map { .list([.string(batchTime($0.start)), .string(batchTime($0.end))]) })
        }
        return .dict([("successful", windows(batches.successful)), ("failed", windows(batches.failed))])
    }

    private static func batchTime(_ date: Date) -> String {
        MicrobatchWindow.text(date).replacingOccurrences(of: " ", with: "T")
    }

    /// The batches of the microbatch models that partly succeeded in the last `run_results.json`, by unique ID
    /// (`retry` runs only their failed batches, as dbt does).
    public static func partialBatches(in project: ProjectFile) throws -> [String: BatchResults] {
        let path = TargetPaths(project).file("run_results.json")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8), let root = try YAMLNode.parse(text, path: path) else {
            return [:]
        }
        let windows = { (node: YAMLNode?) -> [DateInterval] in
            (node?.items ?? []).compactMap { pair in
                let bounds = pair.items.compactMap { $0.scalarText.flatMap(RunOptions.eventTime) }
                guard bounds.count == 2, bounds[0] < bounds[1] else { return nil }
                return DateInterval(start: bounds[0], end: bounds[1])
            }
        }
        var found: [String: BatchResults] = [:]
        for result in root["results"]?.items ?? [] {
            guard let id = result["unique_id"]?.scalarText, let batches = result["batch_results"] else { continue }
            let recorded = BatchResults(successful: windows(batches["successful"]), failed: windows(batches["failed"]))
            if !recorded.successful.isEmpty && !recorded.failed.isEmpty { found[id] = recorded }
        }
        return found
    }

    /// The unique IDs that errored, failed or were skipped in the last `run_results.json` (for `retry`).
    public static func unfinished(in project: ProjectFile) throws -> [String] {
        let path = TargetPaths(project).file("run_results.json")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw DBTError(.usage, "there is no \(path) to retry from; run a command first")
        }
        guard let root = try YAMLNode.parse(text, path: path) else { return [] }
        return root["results"]?.items.compactMap { result in
            guard let status = result["status"]?.scalarText, ["error", "fail", "skipped", "runtime error", "partial success"].contains(status) else { return nil }
            return result["unique_id"]?.scalarText
        } ?? []
    }
}
