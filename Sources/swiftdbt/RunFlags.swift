import ArgumentParser
import SwiftDBT

/// Flags shared by `seed`, `run`, `test`, `build` and `retry`.
struct RunFlags: ParsableArguments {
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

    func options(_ command: RunOptions.Command) -> RunOptions {
        var options = RunOptions(command: command)
        options.fullRefresh = fullRefresh
        options.failFast = failFast
        options.empty = empty
        options.warnError = warnError
        options.eventTimeStart = eventTimeStart.flatMap(RunOptions.eventTime)
        options.eventTimeEnd = eventTimeEnd.flatMap(RunOptions.eventTime)
        return options
    }
}
