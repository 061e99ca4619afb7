import Foundation
import SwiftDBT

/// Prints `source freshness` as dbt does: `1 of 3 START freshness of raw.orders ... [RUN]`, then `PASS`, `WARN`,
/// `ERROR STALE` (past `error_after`) or `ERROR` (the check failed) with the time it took; after the run, each
/// stale or failed table again and `Done.`. With `--log-format json` the lines are dbt's events, with each table's
/// `node_info`, at dbt's levels (a warning `warn`, a stale or failed table `error`).
struct FreshnessConsole: FreshnessReporter {
    let console: Console
    let dialect: any Dialect

    func started(_ source: SourceTable, index: Int, total: Int) {
        let description = "freshness of \(source.sourceName).\(source.name)"
        let info = LogEvent.nodeInfo(source, dialect: dialect, status: "started", startedAt: Date(), finishedAt: nil)
        RunConsole(console: console, dialect: dialect).line("START \(description)", status: "RUN", index: index, total: total,
                                                            event: .logStartLine,
                                                            data: [("description", .string(description)), ("index", .int(index)),
                                                                   ("node_info", info), ("total", .int(total))])
    }

    func finished(_ source: SourceTable, result: FreshnessResult, index: Int, total: Int) {
        let (word, color, level): (String, Console.Color, LogEvent.Level) = switch result.status {
        case .pass: ("PASS", .green, .info)
        case .warn: ("WARN", .yellow, .warn)
        case .error: ("ERROR STALE", .red, .error)
        case .runtimeError: ("ERROR", .red, .error)
        }
        let info = LogEvent.nodeInfo(source, dialect: dialect, status: result.status.rawValue, startedAt: result.startedAt,
                                     finishedAt: result.completedAt)
        RunConsole(console: console, dialect: dialect).line(
            "\(word) freshness of \(source.sourceName).\(source.name)",
            status: console.paint(word, color) + String(format: " in %.2fs", result.executionTime), index: index, total: total,
            event: .logFreshnessResult, level: level,
            data: [("status", .string(result.status.rawValue)), ("source_name", .string(source.sourceName)),
                   ("table_name", .string(source.name)), ("index", .int(index)), ("total", .int(total)),
                   ("execution_time", .double(result.executionTime)), ("node_info", info)])
    }

    /// The end of the run: `Finished running 3 sources in ...`, each table past `error_after` (`Failure in source x
    /// (file)`, `Status: error`) or whose check failed (the error), then `Done.`.
    func summarize(_ results: [FreshnessResult], sources: [SourceTable], elapsed: TimeInterval) {
        console.info("")
        let counted = "\(results.count) source\(results.count == 1 ? "" : "s")"
        console.info("Finished running \(counted) in 0 hours \(Int(elapsed) / 60) minutes and "
                     + String(format: "%.2f seconds (%.2fs).", elapsed.truncatingRemainder(dividingBy: 60), elapsed),
                     .finishedRunningStats, data: [("stat_line", .string(counted)), ("execution", .string("")),
                                                   ("execution_time", .double(elapsed))])
        let byID = Dictionary(sources.map { ($0.uniqueID, $0) }) { first, _ in first }
        for result in results where result.isFailure {
            guard let source = byID[result.uniqueID] else { continue }
            console.info("")
            if let message = result.message {
                console.emit(LogEvent(.runResultError, level: .error, message: "  " + message, data: [("msg", .string(message))]))
            } else {
                console.emit(LogEvent(.runResultFailure, level: .error,
                                      message: console.paint("Failure in source \(source.name) (\(source.originalFilePath))", .red),
                                      data: [("resource_type", .string("source")), ("node_name", .string(source.name)),
                                             ("path", .string(source.originalFilePath))]))
                console.emit(LogEvent(.runResultErrorNoMessage, level: .error, message: "  Status: error",
                                      data: [("status", .string("error"))]))
            }
        }
        console.info("Done.", .freshnessCheckComplete, data: [])
    }
}
