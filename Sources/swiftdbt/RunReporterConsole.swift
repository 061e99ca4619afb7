import Foundation
import SwiftDBT

/// Prints a run's progress as dbt does: `1 of 5 START ... [RUN]`, `1 of 5 OK created ... [OK in 0.02s]`,
/// the message padded with dots to 80 columns, then the bracketed status.
struct RunConsole: RunReporter {
    let console: Console

    func started(_ node: ProjectNode, index: Int, total: Int) {
        line("START \(describe(node))", status: "RUN", index: index, total: total)
    }

    func finished(_ node: ProjectNode, result: NodeResult, index: Int, total: Int) {
        let time = String(format: " in %.2fs", result.executionTime)
        let failures = result.failures ?? 0
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
            line("PASS \(node.name)", status: console.paint("PASS", .green) + time, index: index, total: total)
        case (.warn, _):
            line("WARN \(failures) \(node.name)", status: console.paint("WARN \(failures)", .yellow) + time, index: index, total: total)
        case (.fail, _):
            line("FAIL \(failures) \(node.name)", status: console.paint("FAIL \(failures)", .red) + time, index: index, total: total)
        case (.error, .test):
            line("ERROR \(node.name)", status: console.paint("ERROR", .red) + time, index: index, total: total)
        case (.error, .snapshot):
            line("ERROR snapshotting \(relationName(node))", status: console.paint("ERROR", .red) + time, index: index, total: total)
        case (.error, .seed):
            line("ERROR loading \(describe(node))", status: console.paint("ERROR", .red) + time, index: index, total: total)
        case (.error, _):
            line("ERROR creating \(describe(node))", status: console.paint("ERROR", .red) + time, index: index, total: total)
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
        default:
            let microbatch = node.config["incremental_strategy"]?.stringValue == "microbatch" && node.config.materialized == "incremental"
            return "sql \(microbatch ? "microbatch" : node.config.materialized) model \(relationName(node))"
        }
    }

    /// dbt's `format_fancy_output_line`: `<i> of <n> <message> ` padded with dots to 80 columns
    /// (cut to 77 and `...` when `truncate`), then ` [<status>]`.
    /// `lead` goes before the whole line (dbt's `Batch ` before a microbatch model's batches).
    private func line(_ message: String, status: String, index: Int, total: Int, truncate: Bool = false, lead: String = "") {
        let prefix = "\(index) of \(total) \(message) "
        var justified = prefix.count < 80 ? prefix + String(repeating: ".", count: 80 - prefix.count) : prefix
        if truncate && justified.count > 77 { justified = String(justified.prefix(77)) + "..." }
        console.info(lead + justified + " [" + status + "]")
    }
}
