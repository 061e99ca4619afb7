import Foundation

/// What dbt-core 1.10 with dbt-postgres 1.9 and with dbt-sqlite 1.10 did with the fixture `execution/microbatch` (recorded by
/// scripts/record-microbatch-reference.py into `reference/microbatch.json`): four invocations, and after each its
/// exit code, each node's run result, the console's model and batch lines and the rows of `daily` and `flaky`.
public struct MicrobatchReference {
    /// One invocation.
    public struct Step {
        public let arguments: [String]
        public let exitCode: Int32
        /// By unique ID: `status`, `message` and `batch_results` (`successful`/`failed` lists of `[start, end]`).
        public let results: [String: NodeRecord]
        public let console: [String]
        /// Rows as text, sorted; nil where the table does not exist.
        public let tables: [String: [[String?]]?]
    }

    /// A node's run result as compared.
    public struct NodeRecord: Equatable, CustomStringConvertible {
        public let status: String
        public let message: String
        public let batches: [String: [[String]]]?

        public init(status: String, message: String, batches: [String: [[String]]]?) {
            (self.status, self.message, self.batches) = (status, message, batches)
        }

        /// From a `run_results.json` result.
        public init(_ result: [String: Any]) {
            self.init(status: result["status"] as? String ?? "", message: result["message"] as? String ?? "",
                      batches: (result["batch_results"] as? [String: Any])?.compactMapValues { $0 as? [[String]] })
        }

        public var description: String { "\(status) / \(message) / \(batches.map { "\($0)" } ?? "no batches")" }
    }

    public static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/reference/microbatch.json")

    /// The steps recorded with `adapter` (`postgres`, `sqlite`).
    public static func steps(_ adapter: String) throws -> [Step] {
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        guard let steps = document?[adapter] as? [[String: Any]] else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: file.path])
        }
        return steps.map { step in
            Step(arguments: step["arguments"] as? [String] ?? [], exitCode: Int32(step["exit_code"] as? Int ?? -1),
                 results: (step["results"] as? [String: [String: Any]] ?? [:]).mapValues(NodeRecord.init),
                 console: step["console"] as? [String] ?? [],
                 tables: (step["tables"] as? [String: Any] ?? [:]).mapValues { table in
                     ((table as? [String: Any])?["rows"] as? [[Any]])?.map { $0.map { $0 as? String } }
                 })
        }
    }

    /// A console line with its schema written `<schema>`, its dots (whose count follows the schema's length) one
    /// `...`, and its adapter response (`SELECT 2`, `MERGE 1`, `OK`) written `<response>`: what stays comparable
    /// across schemas and databases.
    public static func comparable(_ line: String, schema: String) -> String {
        line.replacing(#/ in (\d+\.\d\d|X)s\]/#, with: "]").replacing(#/ref_[0-9a-f]{8}\./#, with: "<schema>.").replacingOccurrences(of: " \(schema).", with: " <schema>.")
            .replacing(#/\[(SELECT|MERGE|INSERT|DELETE) \d+\]|\[OK\]/#, with: "[<response>]")
            .replacing(#/ \.* \[/#, with: " ... [")
    }

    /// Rows as text, sorted (as the script sorts dbt's).
    public static func sorted(_ rows: [[String?]]) -> [[String?]] {
        rows.sorted { $0.map { $0 ?? "" }.lexicographicallyPrecedes($1.map { $0 ?? "" }) }
    }
}
