import Foundation
import SwiftDBT

/// The end of a run as dbt prints it: what ran and how long it took, the errors and warnings
/// again with where their SQL is, and the totals (`Done. PASS=.. WARN=.. ERROR=.. SKIP=.. NO-OP=.. TOTAL=..`).
enum RunSummary {
    static func print(_ results: [NodeResult], manifest: Manifest, elapsed: TimeInterval, interrupted: Bool, console: Console) {
        console.info("")
        console.info("Finished running \(counts(results, manifest)) in 0 hours \(Int(elapsed) / 60) minutes and "
                     + String(format: "%.2f seconds (%.2fs).", elapsed.truncatingRemainder(dividingBy: 60), elapsed))
        let errors = results.filter { $0.isFailure && $0.status != .partialSuccess }
        let partials = results.filter { $0.status == .partialSuccess }.count
        let partialText = "\(partials) partial \(partials == 1 ? "success" : "successes")"
        let warnings = results.filter { $0.status == .warn }
        console.info("")
        if interrupted {
            console.info(console.paint("Exited because of keyboard interrupt", .yellow))
        } else if !errors.isEmpty {
            console.info(console.paint("Completed with \(plural(errors.count, "error")), \(partialText), and "
                                       + "\(plural(warnings.count, "warning")):", .red))
        } else if partials > 0 {
            console.info(console.paint("Completed with \(partialText) and \(plural(warnings.count, "warning"))", .yellow))
        } else if !warnings.isEmpty {
            console.info(console.paint("Completed with \(plural(warnings.count, "warning")):", .yellow))
        } else {
            console.info(console.paint("Completed successfully", .green))
        }
        for result in errors + warnings {
            printProblem(result, manifest: manifest, console: console)
        }
        let pass = results.filter { $0.status == .success || $0.status == .pass }.count
        let skip = results.filter { $0.status == .skipped }.count
        console.info("")
        console.info("Done. PASS=\(pass) WARN=\(warnings.count) ERROR=\(errors.count + partials) SKIP=\(skip) NO-OP=0 TOTAL=\(results.count)")
    }

    /// `3 seeds, 2 table models, 16 data tests`: sorted by resource type as dbt sorts them.
    private static func counts(_ results: [NodeResult], _ manifest: Manifest) -> String {
        var kinds: [String: (label: String, count: Int)] = [:]
        for result in results {
            let (key, label) = kind(result, manifest)
            kinds[key, default: (label, 0)].count += 1
        }
        return kinds.sorted { $0.key < $1.key }.map { plural($0.value.count, $0.value.label) }.joined(separator: ", ")
    }

    /// The key dbt sorts by and the words it prints.
    private static func kind(_ result: NodeResult, _ manifest: Manifest) -> (key: String, label: String) {
        guard let node = manifest.node(result.uniqueID) else { return ("project hook", "project hook") }
        switch node.resourceType {
        case .test: return ("test", "data test")
        case .model: return ("\(node.config.materialized) model", "\(node.config.materialized) model")
        default: return (node.resourceType.rawValue, node.resourceType.rawValue)
        }
    }

    private static func plural(_ count: Int, _ word: String) -> String {
        "\(count) \(word)\(count == 1 ? "" : "s")"
    }

    /// `Failure in model x (models/x.sql)` or `Warning in test ...`, the message, the compiled SQL's path,
    /// and for a test that stores its failures, the query that shows them.
    private static func printProblem(_ result: NodeResult, manifest: Manifest, console: Console) {
        let (type, name, path): (String, String, String) = manifest.node(result.uniqueID).map {
            ($0.resourceType.rawValue, $0.name, $0.originalFilePath)
        } ?? ("operation", String(result.uniqueID.split(separator: ".").last ?? ""), "./dbt_project.yml")
        console.info("")
        if result.status == .warn {
            console.info(console.paint("Warning in \(type) \(name) (\(path))", .yellow))
            console.info(result.message)
        } else {
            console.info(console.paint("Failure in \(type) \(name) (\(path))", .red))
            console.info("  " + result.message)
        }
        if let compiled = result.compiledPath {
            console.info("")
            console.info("  compiled code at \(compiled)")
        }
        if let stored = result.storedFailures {
            let query = "select * from \(stored)"
            let border = String(repeating: "-", count: query.count)
            console.info("")
            console.info("  See test failures:\n  \(border)\n  \(query)\n  \(border)")
        }
    }
}
