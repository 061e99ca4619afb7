import Foundation

/// Writes `sources.json` (dbt's sources v3 artifact) of a `source freshness` run: one entry per checked table, its
/// newest load time, the time it was read, the age in seconds, the status and the criteria, as dbt writes them. As in
/// dbt, a check that failed (a runtime error) has no entry.
public enum SourcesWriter {
    /// Writes the artifact to `path` (`target/sources.json` unless `--output` names another file).
    public static func write(_ results: [FreshnessResult], loaded: LoadedProject, elapsed: TimeInterval, to path: String) throws {
        let document = ConfigValue.dict([
            ("metadata", .dict(ArtifactMetadata.entries(schema: "sources/v3", session: loaded.session))),
            ("results", .list(results.compactMap(entry))),
            ("elapsed_time", .double(elapsed)),
        ])
        try TargetPaths.write(JSONWriter.string(document, pretty: true), to: path)
    }

    /// `--output`'s file: `path` relative to the working directory, refused outside the project folder (swiftdbt writes
    /// nothing elsewhere).
    public static func outputPath(_ path: String, project: ProjectFile) throws -> String {
        let base = FileManager.default.currentDirectoryPath
        let resolved = PathText.resolved(path, relativeTo: base)
        guard PathText.isStrictlyInside(resolved, PathText.resolved(project.root, relativeTo: base)) else {
            throw DBTError(.usage, "--output \(path): swiftdbt writes sources.json only inside the project folder \(project.root)")
        }
        return resolved
    }

    private static func entry(_ result: FreshnessResult) -> ConfigValue? {
        guard let maxLoadedAt = result.maxLoadedAt, let snapshottedAt = result.snapshottedAt, let age = result.age,
              result.status != .runtimeError else { return nil }
        let timing = [("compile", result.startedAt, result.compiledAt), ("execute", result.compiledAt, result.completedAt)]
        return .dict([
            ("unique_id", .string(result.uniqueID)),
            ("max_loaded_at", .string(isoformat(maxLoadedAt))),
            ("snapshotted_at", .string(isoformat(snapshottedAt))),
            ("max_loaded_at_time_ago_in_s", .double(age)),
            ("status", .string(result.status.rawValue)),
            ("criteria", result.criteria.written),
            ("adapter_response", result.response?.adapterResponse ?? .dict([])),
            ("timing", RunResultsWriter.timing(timing)),
            ("thread_id", .string(result.threadName)),
            ("execution_time", .double(result.executionTime)),
        ])
    }

    /// An instant as Python's `datetime.isoformat()` writes an aware UTC time: `2024-01-31T15:50:30.123456+00:00`.
    static func isoformat(_ microseconds: Int64) -> String {
        DateTimeObject(local: microseconds, zone: .utc, offset: 0).isoformat(separator: "T")
    }
}
