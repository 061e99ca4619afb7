import Foundation

/// An earlier invocation as its `run_results.json` tells it (dbt's or swiftdbt's): its args and how
/// each node ended. `retry` runs again what did not finish.
public struct PreviousRun: Sendable {
    /// The command, flags and selection; nil when the file has no `args.which`.
    public var args: InvocationArgs?
    /// Unique IDs with their status, in the file's order.
    public var statuses: [(uniqueID: String, status: String)]
    /// The batches of the microbatch models that partly succeeded, by unique ID (`retry` runs only their failed
    /// batches, as dbt does).
    public var partialBatches: [String: BatchResults] = [:]

    /// Reads `run_results.json` from `folder` (the target folder, or `--state`).
    public init(folder: String) throws {
        let path = (folder as NSString).appendingPathComponent("run_results.json")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw DBTError(.usage, "Could not find previous run in '\(folder)' target directory")
        }
        let root = try YAMLNode.parse(text, path: path)
        args = root?["args"].flatMap(InvocationArgs.init)
        statuses = root?["results"]?.items.compactMap { result in
            guard let id = result["unique_id"]?.scalarText, let status = result["status"]?.scalarText else { return nil }
            return (id, status)
        } ?? []
        let windows = { (node: YAMLNode?) -> [DateInterval] in
            (node?.items ?? []).compactMap { pair in
                let bounds = pair.items.compactMap { $0.scalarText.flatMap(RunOptions.eventTime) }
                guard bounds.count == 2, bounds[0] < bounds[1] else { return nil }
                return DateInterval(start: bounds[0], end: bounds[1])
            }
        }
        for result in root?["results"]?.items ?? [] {
            guard let id = result["unique_id"]?.scalarText, let batches = result["batch_results"] else { continue }
            let recorded = BatchResults(successful: windows(batches["successful"]), failed: windows(batches["failed"]))
            if !recorded.successful.isEmpty && !recorded.failed.isEmpty { partialBatches[id] = recorded }
        }
    }

    /// What dbt's retry runs again: nodes that errored, failed, were skipped or partly succeeded (and warned,
    /// with `warnError`); project hooks (`operation.`) only when the command was `run-operation`.
    public func retryable(warnError: Bool) -> [String] {
        var statuses: Set<String> = ["error", "fail", "skipped", "runtime error", "partial success"]
        if warnError { statuses.insert("warn") }
        return self.statuses.filter { statuses.contains($0.status) && !$0.uniqueID.hasPrefix("operation.") }.map(\.uniqueID)
    }
}

extension PreviousRun {
    /// The target folder of the project in `projectDirectory` (its `target-path`, or `DBT_TARGET_PATH`), where
    /// the last run's results are, read before the project itself is loaded with the previous run's flags.
    public static func targetFolder(projectDirectory: String, environment: [String: String]) throws -> String {
        TargetPaths(try ProjectLoader.projectFile(LoadOptions(projectDirectory: projectDirectory, environment: environment))).root
    }
}
