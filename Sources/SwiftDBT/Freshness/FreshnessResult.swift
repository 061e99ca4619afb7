import Foundation

/// One source table's freshness check: what `source freshness` prints, and one entry of sources.json.
public struct FreshnessResult: Sendable {
    public var uniqueID: String
    public var status: FreshnessStatus
    /// The newest `loaded_at` and the database's time when it was read, in microseconds since 0001-01-01 (UTC, as `DateTimeObject` counts);
    /// nil when the check failed.
    public var maxLoadedAt: Int64?
    public var snapshottedAt: Int64?
    public var criteria: FreshnessCriteria
    /// What the database said of the query (nil when the macro returned a bare table, or the check failed).
    public var response: StatementStatus?
    /// Why the check failed (a runtime error), worded as dbt words it (`Database Error in source x (file)`, then the cause).
    public var message: String?
    public var startedAt: Date
    /// When the query was ready to run (dbt's `compile` timing ends, `execute` begins).
    public var compiledAt: Date
    public var completedAt: Date
    public var threadName: String

    /// How old the newest row was when the query ran, in seconds (`max_loaded_at_time_ago_in_s`).
    public var age: Double? {
        guard let maxLoadedAt, let snapshottedAt else { return nil }
        return Double(snapshottedAt - maxLoadedAt) / 1_000_000
    }

    public var executionTime: TimeInterval { completedAt.timeIntervalSince(startedAt) }

    /// Whether the result fails the invocation (exit code 1): stale past `error_after`, or a failed check.
    public var isFailure: Bool { status == .error || status == .runtimeError }
}
