import ArgumentParser
import Foundation
import SwiftDBT

/// What a run is asked to do: the command line's flags, or for `retry` the last run's.
protocol RunSettings {
    func options(_ command: RunOptions.Command) -> RunOptions
}

/// Flags shared by `seed`, `run`, `test` and `build`.
struct RunFlags: ParsableArguments, RunSettings {
    @Flag(name: .customLong("full-refresh"), help: "Rebuild incremental models and reload seeds from scratch.")
    var fullRefresh = false

    @Flag(name: [.customShort("x"), .customLong("fail-fast")], help: "Stop at the first failure.")
    var failFast = false

    @Flag(help: "Build every model with zero rows, to check the SQL only.")
    var empty = false

    @Flag(name: .customLong("warn-error"), help: "Treat warnings as errors.")
    var warnError = false

    /// The flags, with `DBT_FAIL_FAST`, `DBT_WARN_ERROR` and `DBT_FULL_REFRESH` (true or 1) standing for theirs.
    @Option(name: .customLong("event-time-start"), help: "Microbatch models build from this UTC time (YYYY-MM-DD[ HH:MM:SS]).")
    var eventTimeStart: String?

    @Option(name: .customLong("event-time-end"), help: "Microbatch models build up to this UTC time (YYYY-MM-DD[ HH:MM:SS]).")
    var eventTimeEnd: String?

    func validate() throws {
        for (flag, text) in [("--event-time-start", eventTimeStart), ("--event-time-end", eventTimeEnd)] {
            if let text, RunOptions.eventTime(text) == nil {
                throw ValidationError("\(flag) '\(text)' is not a date or time (YYYY-MM-DD, YYYY-MM-DD HH:MM:SS)")
            }
        }
        if let start = eventTimeStart.flatMap(RunOptions.eventTime), let end = eventTimeEnd.flatMap(RunOptions.eventTime), start >= end {
            throw ValidationError("Value for `--event-time-start` must be less than `--event-time-end`")
        }
    }

    func options(_ command: RunOptions.Command) -> RunOptions {
        let environment = ProcessInfo.processInfo.environment
        func isSet(_ name: String) -> Bool { ["1", "true", "yes", "y", "t"].contains(environment[name]?.lowercased() ?? "") }
        var options = RunOptions(command: command)
        options.fullRefresh = fullRefresh || isSet("DBT_FULL_REFRESH")
        options.failFast = failFast || isSet("DBT_FAIL_FAST")
        options.empty = empty
        options.warnError = warnError || isSet("DBT_WARN_ERROR")
        options.eventTimeStart = eventTimeStart.flatMap(RunOptions.eventTime)
        options.eventTimeEnd = eventTimeEnd.flatMap(RunOptions.eventTime)
        return options
    }
}
