import Foundation
import SwiftDBT

/// Prints a run's progress as dbt does: `1 of 5 START ... [RUN]`, `1 of 5 OK created ... [OK in 0.02s]`,
/// then the summary and `Done. PASS=.. WARN=.. ERROR=.. SKIP=.. TOTAL=..`.
struct RunConsole: RunReporter {
    let console: Console
    let dialect: any Dialect

    func started(_ node: ProjectNode, index: Int, total: Int) {
        line("\(index) of \(total) START \(describe(node))", status: "RUN", color: nil)
    }

    func finished(_ node: ProjectNode, result: NodeResult, index: Int, total: Int) {
        let time = String(format: " in %.2fs", result.executionTime)
        let progress = "\(index) of \(total) "
        switch result.status {
        case .success:
            let verb = node.resourceType == .seed ? "loaded" : "created"
            line(progress + "OK \(verb) \(describe(node))", status: okStatus(result) + time, color: .green)
        case .pass:
            line(progress + "PASS \(node.name)", status: "PASS" + time, color: .green)
        case .warn:
            line(progress + "WARN \(result.failures ?? 0) \(node.name)", status: "WARN \(result.failures ?? 0)" + time, color: .yellow)
        case .fail:
            line(progress + "FAIL \(result.failures ?? 0) \(node.name)", status: "FAIL \(result.failures ?? 0)" + time, color: .red)
        case .error:
            let what = node.resourceType == .test ? node.name : "creating \(describe(node))"
            line(progress + "ERROR \(what)", status: "ERROR" + time, color: .red)
        case .skipped:
            let what = node.resourceType == .test ? "test \(node.name)" : "relation \(relationName(node))"
            line(progress + "SKIP \(what)", status: "SKIP", color: .yellow)
        }
    }

    private func okStatus(_ result: NodeResult) -> String {
        if result.message.hasPrefix("INSERT ") { return result.message }
        return "OK"
    }

    private func relationName(_ node: ProjectNode) -> String {
        guard let relation = node.relation else { return node.name }
        return [relation.schema, relation.identifier].compactMap { $0 }.joined(separator: ".")
    }

    private func describe(_ node: ProjectNode) -> String {
        switch node.resourceType {
        case .seed: return "seed file \(relationName(node))"
        case .test: return "test \(node.name)"
        default: return "sql \(node.config.materialized) model \(relationName(node))"
        }
    }

    /// dbt pads the message with dots to 80 columns, then the bracketed status.
    private func line(_ message: String, status: String, color: Console.Color?) {
        let padded = message.count < 80 ? message + " " + String(repeating: ".", count: max(0, 79 - message.count)) : message
        console.info(padded + " [" + console.paint(status, color) + "]")
    }
}

/// The end of a run: dbt's summary, the errors again, and the totals.
enum RunSummary {
    static func print(_ results: [NodeResult], manifest: Manifest, elapsed: TimeInterval, console: Console) {
        var kinds: [String: Int] = [:]
        for result in results {
            guard let node = manifest.node(result.uniqueID) else { continue }
            let kind: String
            switch node.resourceType {
            case .seed: kind = "seed"
            case .test: kind = "data test"
            default: kind = "\(node.config.materialized) model"
            }
            kinds[kind, default: 0] += 1
        }
        let parts = kinds.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)\($0.value == 1 ? "" : "s")" }
        console.info("")
        console.info("Finished running \(parts.joined(separator: ", ")) in 0 hours \(Int(elapsed) / 60) minutes and "
                     + String(format: "%.2f seconds (%.2fs).", elapsed.truncatingRemainder(dividingBy: 60), elapsed))
        let errors = results.filter(\.isFailure)
        let warnings = results.filter { $0.status == .warn }
        console.info("")
        if errors.isEmpty && warnings.isEmpty {
            console.info(console.paint("Completed successfully", .green))
        } else {
            console.info(console.paint("Completed with \(errors.count) error\(errors.count == 1 ? "" : "s"), 0 partial successes, "
                                       + "and \(warnings.count) warning\(warnings.count == 1 ? "" : "s"):", errors.isEmpty ? .yellow : .red))
            for result in errors + warnings {
                guard let node = manifest.node(result.uniqueID) else { continue }
                console.info("")
                let heading = result.status == .error
                    ? "\(node.resourceType == .test ? "Error" : "Database Error") in \(node.resourceType.rawValue) \(node.name) (\(node.originalFilePath))"
                    : "\(result.status == .warn ? "Warning" : "Failure") in test \(node.name) (\(node.originalFilePath))"
                console.info(heading)
                for messageLine in result.message.split(separator: "\n", omittingEmptySubsequences: false) {
                    console.info("  " + messageLine)
                }
                if let path = result.compiledPath {
                    console.info("")
                    console.info("  compiled code at \(path)")
                }
            }
        }
        let pass = results.filter { $0.status == .success || $0.status == .pass }.count
        let skip = results.filter { $0.status == .skipped }.count
        console.info("")
        console.info("Done. PASS=\(pass) WARN=\(warnings.count) ERROR=\(errors.count) SKIP=\(skip) TOTAL=\(results.count)")
    }
}
