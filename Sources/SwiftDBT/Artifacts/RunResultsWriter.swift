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

    /// The unique IDs that errored, failed or were skipped in the last `run_results.json` (for `retry`).
    public static func unfinished(in project: ProjectFile) throws -> [String] {
        let path = TargetPaths(project).file("run_results.json")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw DBTError(.usage, "there is no \(path) to retry from; run a command first")
        }
        guard let root = try YAMLNode.parse(text, path: path) else { return [] }
        return root["results"]?.items.compactMap { result in
            guard let status = result["status"]?.scalarText, ["error", "fail", "skipped", "runtime error"].contains(status) else { return nil }
            return result["unique_id"]?.scalarText
        } ?? []
    }
}
