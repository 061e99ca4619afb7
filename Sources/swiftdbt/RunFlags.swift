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
    func options(_ command: RunOptions.Command) -> RunOptions {
        let environment = ProcessInfo.processInfo.environment
        func isSet(_ name: String) -> Bool { ["1", "true", "yes", "y", "t"].contains(environment[name]?.lowercased() ?? "") }
        var options = RunOptions(command: command)
        options.fullRefresh = fullRefresh || isSet("DBT_FULL_REFRESH")
        options.failFast = failFast || isSet("DBT_FAIL_FAST")
        options.empty = empty
        options.warnError = warnError || isSet("DBT_WARN_ERROR")
        return options
    }
}
