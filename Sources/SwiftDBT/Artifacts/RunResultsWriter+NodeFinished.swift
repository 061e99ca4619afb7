import Foundation

extension RunResultsWriter {
    /// A result as dbt's `NodeFinished` event carries it in `data.run_result` (its protobuf message, not the
    /// run_results.json entry): status, message (empty where run_results.json has none), `timing_info`, thread,
    /// execution_time, `num_failures` (0 without failures) and adapter_response.
    public static func eventRunResult(_ result: NodeResult) -> ConfigValue {
        let silent = result.status == .pass || result.status == .skipped
        return .dict([
            ("status", .string(result.status.rawValue)),
            ("message", .string(silent ? "" : result.message)),
            ("timing_info", timing(result)),
            ("thread", .string(result.threadName)),
            ("execution_time", .double(result.executionTime)),
            ("num_failures", .int(result.failures ?? 0)),
            ("adapter_response", adapterResponse(result)),
        ])
    }
}
