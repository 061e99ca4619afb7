import ArgumentParser
import Foundation
import SwiftDBT

/// What a run is asked to do: the command line's flags, or for `retry` the last run's.
protocol RunSettings {
    func options(_ command: RunOptions.Command) throws -> RunOptions
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

    /// The flags, with `DBT_FULL_REFRESH`, `DBT_FAIL_FAST`, `DBT_EMPTY`, `DBT_WARN_ERROR`, `DBT_EVENT_TIME_START` and
    /// `DBT_EVENT_TIME_END` standing for those not given (see `FlagVariables`); a value dbt refuses is a usage error.
    func options(_ command: RunOptions.Command) throws -> RunOptions {
        let variables = FlagVariables()
        var options = RunOptions(command: command)
        options.fullRefresh = try fullRefresh || variables.isSet("DBT_FULL_REFRESH")
        options.failFast = try failFast || variables.isSet("DBT_FAIL_FAST")
        options.empty = try empty || variables.isSet("DBT_EMPTY")
        options.warnError = try warnError || variables.isSet("DBT_WARN_ERROR")
        options.eventTimeStart = try eventTimeStart.flatMap(RunOptions.eventTime) ?? Self.eventTime(variables, "DBT_EVENT_TIME_START")
        options.eventTimeEnd = try eventTimeEnd.flatMap(RunOptions.eventTime) ?? Self.eventTime(variables, "DBT_EVENT_TIME_END")
        if let start = options.eventTimeStart, let end = options.eventTimeEnd, start >= end {
            throw DBTError(.usage, "Value for `--event-time-start` must be less than `--event-time-end`")
        }
        return options
    }

    private static func eventTime(_ variables: FlagVariables, _ name: String) throws -> Date? {
        guard let text = variables.text(name) else { return nil }
        guard let time = RunOptions.eventTime(text) else {
            throw DBTError(.usage, "\(name)=\(text): not a date or time (YYYY-MM-DD, YYYY-MM-DD HH:MM:SS)")
        }
        return time
    }
}
