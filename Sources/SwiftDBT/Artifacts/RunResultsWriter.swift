import Foundation

/// Writes `target/run_results.json` in dbt's shape.
public enum RunResultsWriter {
    public static func write(_ results: [NodeResult], loaded: LoadedProject, elapsed: TimeInterval, args: InvocationArgs) throws {
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
            ("results", .list(results.map { entry($0, kind: loaded.manifest.runResourceType($0.uniqueID), formatter) })),
            ("elapsed_time", .double(elapsed)),
            ("args", args.document),
        ])
        try TargetPaths.write(JSONWriter.string(document, pretty: true), to: TargetPaths(loaded.session.project).file("run_results.json"))
    }

    /// One result as dbt writes it: seeds have no compiled code or relation name, tests no relation name, a
    /// skipped node no timing and `compiled: false`; a passing test, a skipped node and a result without one
    /// (`compile`'s, `run-operation`'s) no message. Exposures and saved queries compile nothing and have no relation.
    private static func entry(_ result: NodeResult, kind: ResourceType?, _ formatter: ISO8601DateFormatter) -> ConfigValue {
        let compilesNothing = kind == .seed || kind.map(Manifest.noOpTypes.contains) == true
        // dbt writes no message for a passing test, a skipped node, or a result with none (`compile`, `run-operation`).
        let silent = result.status == .pass || result.status == .skipped || result.message.isEmpty
        let message: ConfigValue = silent ? .null : .string(result.message)
        return .dict([
            ("status", .string(result.status.rawValue)),
            ("timing", timing(result, formatter)),
            ("thread_id", .string(result.threadName)),
            ("execution_time", .double(result.executionTime)),
            ("adapter_response", adapterResponse(result)),
            ("message", message),
            ("failures", result.failures.map { .int($0) } ?? .null),
            ("unique_id", .string(result.uniqueID)),
            ("compiled", compilesNothing ? .null : .bool(result.compiledCode != nil)),
            ("compiled_code", compilesNothing ? .null : result.compiledCode.map(ConfigValue.string) ?? .null),
            ("relation_name", compilesNothing || kind == .test ? .null : result.relationName.map(ConfigValue.string) ?? .null),
            ("batch_results", result.batchResults.map(batchResults) ?? .null),
        ])
    }

    /// dbt's `compile` and `execute` phases (`name`, `started_at`, `completed_at`); a node that failed to compile
    /// has only the first, a skipped one none.
    static func timing(_ result: NodeResult, _ formatter: ISO8601DateFormatter) -> ConfigValue {
        .list(phases(result).map { name, started, completed in
            .dict([("name", .string(name)), ("started_at", .string(formatter.string(from: started))),
                   ("completed_at", .string(formatter.string(from: completed)))])
        })
    }

    private static func phases(_ result: NodeResult) -> [(String, Date, Date)] {
        guard result.status != .skipped else { return [] }
        guard let compiled = result.compiledAt else { return [("compile", result.startedAt, result.completedAt)] }
        return [("compile", result.startedAt, compiled), ("execute", compiled, result.completedAt)]
    }

    /// What the adapter said of the node's statement, in dbt's shape (`_message`, `code` where the database
    /// gives one, `rows_affected` where something counted rows); empty where swiftdbt does not know it (errors, hooks).
    static func adapterResponse(_ result: NodeResult) -> ConfigValue {
        guard let response = result.response, !result.isFailure || result.status == .fail else { return .dict([]) }
        return response.adapterResponse
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
}
