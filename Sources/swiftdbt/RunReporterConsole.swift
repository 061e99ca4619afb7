import Foundation
import SwiftDBT

/// Prints a run's progress as dbt does: `1 of 5 START ... [RUN]`, `1 of 5 OK created ... [OK in 0.02s]`,
/// the message padded with dots to 80 columns, then the bracketed status. Each line is dbt's event
/// (`LogStartLine`, `LogModelResult`, ...) with its fields and `node_info`, preceded by the debug-level
/// `NodeStart` or followed by `NodeFinished`.
struct RunConsole: RunReporter {
    let console: Console
    let dialect: any Dialect

    func started(_ node: ProjectNode, index: Int, total: Int) {
        let info = LogEvent.nodeInfo(node, dialect: dialect, status: "started", startedAt: Date(), finishedAt: nil)
        console.emit(LogEvent(.nodeStart, level: .debug, message: "Began running node \(node.uniqueID)", data: [("node_info", info)]))
        // An exposure or saved query has no START line, as in dbt.
        guard !Manifest.noOpTypes.contains(node.resourceType) else { return }
        line("START \(describe(node))", status: "RUN", index: index, total: total, event: .logStartLine,
             data: [("description", .string(describe(node))), ("index", .int(index)), ("total", .int(total)), ("node_info", info)])
    }

    func finished(_ node: ProjectNode, result: NodeResult, index: Int, total: Int) {
        let info = LogEvent.nodeInfo(node, dialect: dialect, status: result.status.rawValue, startedAt: result.startedAt,
                                     finishedAt: result.completedAt)
        let (kind, data) = fields(node, result, index: index, total: total, info: info)
        report(node, result: result, index: index, total: total, event: kind, data: data)
        console.emit(LogEvent(.nodeFinished, level: .debug, message: "Finished running node \(node.uniqueID)",
                              data: [("node_info", info), ("run_result", RunResultsWriter.eventRunResult(result))]))
    }

    /// The event dbt logs for a finished node, and its fields.
    private func fields(_ node: ProjectNode, _ result: NodeResult, index: Int, total: Int,
                        info: ConfigValue) -> (LogEvent.Kind, [(key: String, value: ConfigValue)]) {
        let common: [(key: String, value: ConfigValue)] = [("index", .int(index)), ("total", .int(total)), ("node_info", info)]
        if result.status == .skipped {
            return (.skippingDetails, [("resource_type", .string(node.resourceType.rawValue)),
                                       ("schema", node.relation?.schema.map(ConfigValue.string) ?? .null),
                                       ("node_name", .string(node.name))] + common)
        }
        let time: (key: String, value: ConfigValue) = ("execution_time", .double(result.executionTime))
        if result.status == .noOp {
            return (.logNodeNoOpResult, [("description", .string(describe(node))), time, ("status", .string(""))] + common)
        }
        switch node.resourceType {
        case .seed:
            return (.logSeedResult, [("status", .string(result.status.rawValue)), ("result_message", .string(result.message)),
                                     ("schema", node.relation?.schema.map(ConfigValue.string) ?? .null),
                                     ("relation", .string(node.relation?.identifier ?? node.name)), time] + common)
        case .test:
            // dbt's test result has no `total` (`num_models` holds it).
            return (.logTestResult, [("name", .string(node.name)), ("status", .string(result.status.rawValue)),
                                     ("num_models", .int(total)), ("num_failures", .int(result.failures ?? 0)),
                                     ("attached_node", .string(node.test?.attachedNode ?? "")), time,
                                     ("index", .int(index)), ("node_info", info)])
        default:
            return (.logModelResult, [("description", .string(describe(node))), ("status", .string(result.message)), time] + common)
        }
    }

    private func report(_ node: ProjectNode, result: NodeResult, index: Int, total: Int, event: LogEvent.Kind,
                        data: [(key: String, value: ConfigValue)]) {
        let time = String(format: " in %.2fs", result.executionTime)
        let failures = result.failures ?? 0
        func line(_ message: String, status: String, index: Int, total: Int) {
            self.line(message, status: status, index: index, total: total, event: event, data: data)
        }
        switch (result.status, node.resourceType) {
        case (.success, .snapshot):
            line("OK snapshotted \(relationName(node))", status: console.paint(result.message, .green) + time, index: index, total: total)
        case (.success, .seed):
            line("OK loaded \(describe(node))", status: console.paint(result.message, .green) + time, index: index, total: total)
        case (.success, _):
            line("OK created \(describe(node))", status: console.paint(result.message, .green) + time, index: index, total: total)
        case (.partialSuccess, _):
            line("PARTIALLY created \(describe(node))", status: console.paint(result.message, .yellow) + time, index: index, total: total)
        case (.pass, _):
            line("PASS \(node.progressName)", status: console.paint("PASS", .green) + time, index: index, total: total)
        case (.warn, _):
            line("WARN \(failures) \(node.progressName)", status: console.paint("WARN \(failures)", .yellow) + time, index: index, total: total)
        case (.fail, _):
            line("FAIL \(failures) \(node.progressName)", status: console.paint("FAIL \(failures)", .red) + time, index: index, total: total)
        case (.error, .test), (.error, .unitTest):
            line("ERROR \(node.progressName)", status: console.paint("ERROR", .red) + time, index: index, total: total)
        case (.error, .snapshot):
            line("ERROR snapshotting \(relationName(node))", status: console.paint("ERROR", .red) + time, index: index, total: total)
        case (.error, .seed):
            line("ERROR loading \(describe(node))", status: console.paint("ERROR", .red) + time, index: index, total: total)
        case (.error, _):
            line("ERROR creating \(describe(node))", status: console.paint("ERROR", .red) + time, index: index, total: total)
        case (.noOp, _):
            line("NO-OP \(describe(node))", status: console.paint("NO-OP", .yellow) + time, index: index, total: total)
        case (.skipped, .exposure), (.skipped, .savedQuery):
            line("SKIP \(node.resourceType.rawValue) \(node.name)", status: console.paint("SKIP", .yellow), index: index, total: total)
        case (.skipped, .unitTest):
            line("SKIP unit_test \(node.name)", status: console.paint("SKIP", .yellow), index: index, total: total)
        case (.skipped, .test):
            line("SKIP test \(node.name)", status: console.paint("SKIP", .yellow), index: index, total: total)
        case (.skipped, _):
            line("SKIP relation \(relationName(node))", status: console.paint("SKIP", .yellow), index: index, total: total)
        }
    }

    func batchStarted(_ node: ProjectNode, window: DateInterval, label: String, batch: Int, total: Int) {
        line("START batch \(label) of \(relationName(node))", status: "RUN", index: batch, total: total, lead: "Batch ")
    }

    func batchFinished(_ node: ProjectNode, label: String, batch: Int, total: Int, elapsed: TimeInterval, outcome: BatchOutcome) {
        let time = String(format: " in %.2fs", elapsed)
        let described = "batch \(label) of \(relationName(node))"
        switch outcome {
        case .built(let message):
            line("OK created \(described)", status: console.paint(message, .green) + time, index: batch, total: total, lead: "Batch ")
        case .failed(let error):
            console.error(error)
            line("ERROR creating \(described)", status: console.paint("ERROR", .red) + time, index: batch, total: total, lead: "Batch ")
        case .skipped:
            line("SKIP \(described)", status: console.paint("SKIPPED", .yellow) + time, index: batch, total: total, lead: "Batch ")
        }
    }

    func hookStarted(_ name: String, index: Int, total: Int) {
        line("START hook: \(name)", status: "RUN", index: index, total: total, truncate: true)
    }

    func hookFinished(_ name: String, result: NodeResult, index: Int, total: Int) {
        let (word, color): (String, Console.Color) = switch result.status {
        case .success: ("OK", .green)
        case .skipped: ("SKIP", .yellow)
        default: ("ERROR", .red)
        }
        line("\(word) hook: \(name)", status: console.paint(word, color) + String(format: " in %.2fs", result.executionTime),
             index: index, total: total, truncate: true)
    }

    private func relationName(_ node: ProjectNode) -> String {
        guard let relation = node.relation else { return node.name }
        return [relation.schema, relation.identifier].compactMap { $0 }.joined(separator: ".")
    }

    private func describe(_ node: ProjectNode) -> String {
        switch node.resourceType {
        case .seed: return "seed file \(relationName(node))"
        case .test: return "test \(node.name)"
        case .snapshot: return "snapshot \(relationName(node))"
        case .unitTest: return "unit_test \(node.progressName)"
        case .exposure: return "exposure \(node.name)"
        case .savedQuery: return "saved query \(node.name)"
        default:
            let microbatch = node.config["incremental_strategy"]?.stringValue == "microbatch" && node.config.materialized == "incremental"
            return "\(node.language.rawValue) \(microbatch ? "microbatch" : node.config.materialized) model \(relationName(node))"
        }
    }

    /// dbt's `format_fancy_output_line`: `<i> of <n> <message> ` padded with dots to 80 columns
    /// (cut to 77 and `...` when `truncate`), then ` [<status>]`.
    /// `lead` goes before the whole line (dbt's `Batch ` before a microbatch model's batches); `level` is the event's.
    func line(_ message: String, status: String, index: Int, total: Int, truncate: Bool = false, lead: String = "",
              event: LogEvent.Kind = .note, level: LogEvent.Level = .info, data: [(key: String, value: ConfigValue)]? = nil) {
        let prefix = "\(index) of \(total) \(message) "
        var justified = prefix.count < 80 ? prefix + String(repeating: ".", count: 80 - prefix.count) : prefix
        if truncate && justified.count > 77 { justified = String(justified.prefix(77)) + "..." }
        let text = lead + justified + " [" + status + "]"
        console.emit(LogEvent(event, level: level, message: text, data: data ?? [("msg", .string(text))]))
    }
}
