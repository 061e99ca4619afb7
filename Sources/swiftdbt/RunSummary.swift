import Foundation
import SwiftDBT

/// The end of a run as dbt prints it: what ran and how long it took, the errors and warnings
/// again with where their SQL is, and the totals (`Done. PASS=.. WARN=.. ERROR=.. SKIP=.. NO-OP=.. TOTAL=..`).
enum RunSummary {
    /// `counted`: whether the `Finished running ...` line comes first (`clone` has none, as in dbt).
    /// `dialect` names the nodes' relations in the events' `node_info` (left out without one).
    static func print(_ results: [NodeResult], manifest: Manifest, elapsed: TimeInterval, interrupted: Bool, console: Console,
                      counted: Bool = true, dialect: (any Dialect)? = nil) {
        if counted { printCounts(results, manifest: manifest, elapsed: elapsed, console: console) }
        printOutcome(results, manifest: manifest, interrupted: interrupted, dialect: dialect, console: console)
    }

    private static func printCounts(_ results: [NodeResult], manifest: Manifest, elapsed: TimeInterval, console: Console) {
        console.info("")
        let counted = counts(results, manifest)
        console.info("Finished running \(counted) in 0 hours \(Int(elapsed) / 60) minutes and "
                     + String(format: "%.2f seconds (%.2fs).", elapsed.truncatingRemainder(dividingBy: 60), elapsed),
                     .finishedRunningStats, data: [("stat_line", .string(counted)), ("execution", .string("")),
                                                   ("execution_time", .double(elapsed))])
    }

    private static func printOutcome(_ results: [NodeResult], manifest: Manifest, interrupted: Bool, dialect: (any Dialect)?,
                                     console: Console) {
        let errors = results.filter { $0.isFailure && $0.status != .partialSuccess }
        let partials = results.filter { $0.status == .partialSuccess }.count
        let partialText = "\(partials) partial \(partials == 1 ? "success" : "successes")"
        let warnings = results.filter { $0.status == .warn }
        console.info("")
        let summary: [(key: String, value: ConfigValue)] = [("num_errors", .int(errors.count)), ("num_warnings", .int(warnings.count)),
                                                            ("num_partial_success", .int(partials)), ("keyboard_interrupt", .bool(interrupted))]
        if interrupted {
            console.info(console.paint("Exited because of keyboard interrupt", .yellow), .endOfRunSummary, data: summary)
        } else if !errors.isEmpty {
            console.info(console.paint("Completed with \(plural(errors.count, "error")), \(partialText), and "
                                       + "\(plural(warnings.count, "warning")):", .red), .endOfRunSummary, data: summary)
        } else if partials > 0 {
            console.info(console.paint("Completed with \(partialText) and \(plural(warnings.count, "warning"))", .yellow),
                         .endOfRunSummary, data: summary)
        } else if !warnings.isEmpty {
            console.info(console.paint("Completed with \(plural(warnings.count, "warning")):", .yellow), .endOfRunSummary, data: summary)
        } else {
            console.info(console.paint("Completed successfully", .green), .endOfRunSummary, data: summary)
        }
        for result in errors + warnings {
            printProblem(result, manifest: manifest, dialect: dialect, console: console)
        }
        let pass = results.filter { $0.status == .success || $0.status == .pass }.count
        let skip = results.filter { $0.status == .skipped }.count
        let noOp = results.filter { $0.status == .noOp }.count
        console.info("")
        let stats: [(key: String, value: ConfigValue)] = [("pass", .int(pass)), ("warn", .int(warnings.count)), ("error", .int(errors.count + partials)),
                                                          ("skip", .int(skip)), ("noop", .int(noOp)), ("total", .int(results.count))]
        console.info("Done. PASS=\(pass) WARN=\(warnings.count) ERROR=\(errors.count + partials) SKIP=\(skip) NO-OP=\(noOp) TOTAL=\(results.count)",
                     .statsLine, data: [("stats", .dict(stats))])
    }

    /// `3 seeds, 2 table models, 16 data tests`: sorted by resource type as dbt sorts them.
    private static func counts(_ results: [NodeResult], _ manifest: Manifest) -> String {
        var kinds: [String: (label: String, count: Int)] = [:]
        for result in results {
            let (key, label) = kind(result, manifest)
            kinds[key, default: (label, 0)].count += 1
        }
        // dbt spells a materialization's underscores as spaces there (`2 materialized view models`).
        return kinds.sorted { $0.key < $1.key }.map { plural($0.value.count, $0.value.label).replacingOccurrences(of: "_", with: " ") }
            .joined(separator: ", ")
    }

    /// The key dbt sorts by and the words it prints.
    private static func kind(_ result: NodeResult, _ manifest: Manifest) -> (key: String, label: String) {
        guard let node = manifest.node(result.uniqueID) else {
            let type = manifest.runResourceType(result.uniqueID)?.rawValue ?? "project hook"
            return (type, type)
        }
        switch node.resourceType {
        case .test: return ("test", "test")
        case .unitTest: return ("unit_test", "unit test")
        case .model: return ("\(node.config.materialized) model", "\(node.config.materialized) model")
        default: return (node.resourceType.rawValue, node.resourceType.rawValue)
        }
    }

    /// `1 test` but `2 data tests`, `saved queries`: dbt's plurals.
    private static func plural(_ count: Int, _ word: String) -> String {
        guard count != 1 else { return "1 \(word)" }
        switch word {
        case "test": return "\(count) data tests"
        case "saved_query": return "\(count) saved_queries"
        default: return "\(count) \(word)s"
        }
    }

    /// `Failure in model x (models/x.sql)` or `Warning in test ...`, the message, the compiled SQL's path,
    /// and for a test that stores its failures, the query that shows them.
    private static func printProblem(_ result: NodeResult, manifest: Manifest, dialect: (any Dialect)?, console: Console) {
        let node = manifest.node(result.uniqueID)
        let (type, name, path): (String, String, String) = node.map {
            ($0.resourceType.rawValue, $0.name, $0.originalFilePath)
        } ?? ("operation", String(result.uniqueID.split(separator: ".").last ?? ""), "./dbt_project.yml")
        // dbt's events for the block, each with the node's `node_info` where there is a node.
        var info: [(key: String, value: ConfigValue)] = []
        if let node, let dialect {
            info = [("node_info", LogEvent.nodeInfo(node, dialect: dialect, status: result.status.rawValue, startedAt: result.startedAt,
                                                    finishedAt: result.completedAt))]
        }
        let heading: [(key: String, value: ConfigValue)] = [("resource_type", .string(type)), ("node_name", .string(name)),
                                                            ("path", .string(path))] + info
        console.info("")
        if result.status == .warn {
            console.emit(LogEvent(.runResultWarning, level: .warn, message: console.paint("Warning in \(type) \(name) (\(path))", .yellow),
                                  data: heading))
            console.emit(LogEvent(.runResultWarningMessage, level: .warn, message: result.message,
                                  data: [("msg", .string(result.message))] + info))
        } else {
            console.emit(LogEvent(.runResultFailure, level: .error, message: console.paint("Failure in \(type) \(name) (\(path))", .red),
                                  data: heading))
            console.emit(LogEvent(.runResultError, level: .error, message: "  " + result.message,
                                  data: [("msg", .string(result.message))] + info))
        }
        if let compiled = result.compiledPath {
            console.info("")
            console.info("  compiled code at \(compiled)", .sqlCompiledPath, data: [("path", .string(compiled))] + info)
        }
        if let stored = result.storedFailures {
            let query = "select * from \(stored)"
            let border = String(repeating: "-", count: query.count)
            console.info("")
            console.info("  See test failures:\n  \(border)\n  \(query)\n  \(border)", .checkNodeTestFailure,
                         data: [("relation_name", .string(stored))] + info)
        }
    }
}
