import Foundation

/// How one node of a run ended, in dbt's vocabulary (`run_results.json` statuses).
public enum NodeStatus: String, Sendable {
    case success, error, skipped
    case pass, fail, warn
    /// A microbatch model some of whose batches failed.
    case partialSuccess = "partial success"
    /// An exposure or saved query that `build` reached: nothing to execute.
    case noOp = "no-op"
}

/// How one batch of a microbatch model ended.
public enum BatchOutcome: Sendable {
    /// Built; the adapter's message.
    case built(String)
    /// Failed; the error as the run prints it.
    case failed(String)
    /// Not run, because the first batch failed.
    case skipped
}

/// A microbatch model's batches (`batch_results` in `run_results.json`): the windows built and those that failed.
public struct BatchResults: Sendable, Equatable {
    public var successful: [DateInterval] = []
    public var failed: [DateInterval] = []
}

/// The result of one node: status, timing, message, failures and the SQL that ran.
public struct NodeResult: Sendable {
    public var uniqueID: String
    public var status: NodeStatus
    public var message: String
    public var failures: Int?
    /// What the database said of the node's main statement (dbt's `adapter_response`: seeds, the rows
    /// inserted; models, their create statement; tests, their query), where swiftdbt knows it.
    public var response: StatementStatus?
    public var startedAt: Date
    /// When compiling ended and executing began (dbt's `compile` and `execute` timings); nil when the
    /// node never got that far.
    public var compiledAt: Date?
    public var completedAt: Date
    /// The worker that ran the node, named as dbt names its threads (`Thread-1 (worker)`).
    public var threadName = "MainThread"
    public var relationName: String?
    public var compiledCode: String?
    /// The compiled SQL file the summary points at (errors, failing and warning tests).
    public var compiledPath: String?
    /// The table holding a test's failing rows (`store_failures`).
    public var storedFailures: String?
    /// A microbatch model's batches.
    public var batchResults: BatchResults?

    public var executionTime: TimeInterval { completedAt.timeIntervalSince(startedAt) }

    /// Whether this result fails the invocation (exit code 1).
    public var isFailure: Bool { status == .error || status == .fail || status == .partialSuccess }
}

/// What a run was asked to do.
public struct RunOptions: Sendable {
    /// `seed`, `run`, `test`, `build` or `snapshot`: which resource types run, and whether tests gate children.
    public enum Command: String, Sendable {
        case seed, run, test, build, snapshot
    }

    public var command: Command
    public var fullRefresh = false
    public var failFast = false
    /// `--empty`: build every model with zero rows, to check the SQL only.
    public var empty = false
    /// `--warn-error`: warnings count as errors.
    public var warnError = false
    /// `--event-time-start` / `--event-time-end`: the window microbatch models build (UTC).
    public var eventTimeStart: Date?
    public var eventTimeEnd: Date?
    /// For `retry`: the batches of each microbatch model that partly succeeded last time, by unique ID; only
    /// the failed ones run again.
    public var retriedBatches: [String: BatchResults] = [:]

    public init(command: Command) { self.command = command }

    /// The resource types this command runs.
    public var resourceTypes: Set<ResourceType> {
        switch command {
        case .seed: return [.seed]
        case .run: return [.model]
        case .test: return [.test, .unitTest]
        case .build: return [.model, .seed, .test, .unitTest, .snapshot, .exposure, .savedQuery]
        case .snapshot: return [.snapshot]
        }
    }
}

/// Receives a run's progress as it happens (the console prints it).
public protocol RunReporter: Sendable {
    func started(_ node: ProjectNode, index: Int, total: Int)
    func finished(_ node: ProjectNode, result: NodeResult, index: Int, total: Int)
    /// A project hook (`jaffle_shop.on-run-start.0`) starts.
    func hookStarted(_ name: String, index: Int, total: Int)
    /// A project hook passed, failed or was skipped.
    func hookFinished(_ name: String, result: NodeResult, index: Int, total: Int)
    /// Batch `batch` (from 1) of `total` of a microbatch model starts.
    func batchStarted(_ node: ProjectNode, window: DateInterval, label: String, batch: Int, total: Int)
    /// A batch ended: built, failed (`error` says why) or skipped (the first batch failed).
    func batchFinished(_ node: ProjectNode, label: String, batch: Int, total: Int, elapsed: TimeInterval, outcome: BatchOutcome)
}

extension RunReporter {
    /// Reporters that show no project hooks need not implement the hook events.
    public func hookStarted(_ name: String, index: Int, total: Int) {}
    public func hookFinished(_ name: String, result: NodeResult, index: Int, total: Int) {}
    public func batchStarted(_ node: ProjectNode, window: DateInterval, label: String, batch: Int, total: Int) {}
    public func batchFinished(_ node: ProjectNode, label: String, batch: Int, total: Int, elapsed: TimeInterval, outcome: BatchOutcome) {}
}
