import Foundation

/// What dbt-core 1.10 with dbt-postgres 1.9 and with dbt-sqlite 1.10 did with the fixture `execution/microbatch_hooks`
/// (recorded by scripts/record-microbatch-hooks-reference.py into `reference/microbatch-hooks.json`): a microbatch
/// model's hooks over four runs (pre-hooks in the first batch, post-hooks in the last, none when the first fails),
/// then two parses of a model with `concurrent_batches` true (a warning) and `'yes'` (an error).
public struct MicrobatchHooksReference {
    /// One invocation.
    public struct Step {
        public let arguments: [String]
        /// The text of `models/concurrent.sql` written before the step, if any.
        public let model: String?
        public let exitCode: Int32
        /// The model, batch, warning and error lines; a line dbt wrapped keeps its newlines.
        public let console: [String]
        /// By unique ID: `status / message`; nil for a `parse`.
        public let results: [String: String]?
        /// `hook_log`'s rows `(n, kind, batch)` as text, in order; nil for a `parse`.
        public let hookLog: [[String]]?
    }

    public static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/reference/microbatch-hooks.json")

    /// The steps recorded with `adapter` (`postgres`, `sqlite`).
    public static func steps(_ adapter: String) throws -> [Step] {
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        guard let steps = document?[adapter] as? [[String: Any]] else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: file.path])
        }
        return steps.map { step in
            Step(arguments: step["arguments"] as? [String] ?? [], model: step["model"] as? String,
                 exitCode: Int32(step["exit_code"] as? Int ?? -1),
                 console: step["console"] as? [String] ?? [],
                 results: (step["results"] as? [String: [String: Any]])?.mapValues(describe),
                 hookLog: (step["hook_log"] as? [[Any]])?.map { $0.map { $0 as? String ?? "" } })
        }
    }

    /// The step's warnings, each on one line (dbt wraps them at 80 columns).
    public static func warnings(_ step: Step) -> [String] {
        step.console.filter { $0.hasPrefix("[WARNING]") }.map { $0.replacingOccurrences(of: "\n", with: " ") }
    }

    /// The step's error messages: the last line of each `Encountered an error:` block, trimmed.
    public static func errors(_ step: Step) -> [String] {
        step.console.filter { $0.hasPrefix("Encountered an error") }.compactMap {
            $0.split(separator: "\n").last.map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    /// A `run_results.json` result as the reference's are compared: `status / message`.
    public static func describe(_ result: [String: Any]) -> String {
        "\(result["status"] as? String ?? "") / \(result["message"] as? String ?? "")"
    }

    /// The model and batch lines of swiftdbt's console (timestamps removed), comparable with the reference's.
    public static func progressLines(_ stdout: String, schema: String) -> [String] {
        stdout.split(separator: "\n").map { String($0).replacing(#/^\d\d:\d\d:\d\d  /#, with: "") }
            .filter { $0.firstMatch(of: #/^(Batch )?\d+ of \d+ .* model |^Batch /#) != nil }
            .map { MicrobatchReference.comparable($0, schema: schema) }
    }

    /// The reference's model and batch lines, comparable with swiftdbt's.
    public static func progressLines(_ step: Step, schema: String) -> [String] {
        step.console.filter { $0.firstMatch(of: #/^(Batch )?\d+ of \d+ .* model |^Batch /#) != nil }
            .map { MicrobatchReference.comparable($0, schema: schema) }
    }
}
