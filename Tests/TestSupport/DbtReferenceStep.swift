import Foundation

/// One step of a reference recorded with dbt-core (scripts/record-materialization-reference.py): a fresh
/// copy of a fixture, text appended to its `dbt_project.yml`, the commands run, their exit codes and the
/// tables they left, each as its rows written out and sorted.
public struct DbtReferenceStep {
    public let name: String
    public let projectFileExtra: String
    public let runs: [[String]]
    public let exitCodes: [Int32]
    public let tables: [String: [String]]
    /// From the last command's run_results.json: what dbt wrote of each node that succeeded (its message
    /// and adapter_response), where the step recorded it.
    public let successes: [String: NSDictionary]

    /// The steps recorded for `adapter` (`sqlite`, `postgres`) in the reference file `file`, by name.
    public static func load(_ file: URL, adapter: String) throws -> [DbtReferenceStep] {
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        guard let steps = document?[adapter] as? [String: [String: Any]] else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: file.path])
        }
        return steps.keys.sorted().compactMap { name in
            guard let step = steps[name], let runs = step["runs"] as? [[String]], let codes = step["exit_codes"] as? [Int],
                  let tables = step["tables"] as? [String: [[Any]]] else { return nil }
            return DbtReferenceStep(name: name, projectFileExtra: step["project_yml_extra"] as? String ?? "", runs: runs,
                                    exitCodes: codes.map(Int32.init), tables: tables.mapValues { rows(of: $0) },
                                    successes: successes(step["run_results"] as? [String: [String: Any]] ?? [:]))
        }
    }

    /// The message and adapter_response of each node that succeeded in the run_results.json of `targetFolder`.
    public static func successes(inTarget targetFolder: String) throws -> [String: NSDictionary] {
        let data = try Data(contentsOf: URL(fileURLWithPath: targetFolder).appendingPathComponent("run_results.json"))
        let results = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["results"] as? [[String: Any]] ?? []
        return successes(Dictionary(results.map { ($0["unique_id"] as? String ?? "", $0) }) { first, _ in first })
    }

    private static func successes(_ results: [String: [String: Any]]) -> [String: NSDictionary] {
        results.filter { $0.value["status"] as? String == "success" }.mapValues { result in
            ["message": result["message"] ?? NSNull(), "adapter_response": result["adapter_response"] ?? NSNull()] as NSDictionary
        }
    }

    /// Rows written out (values joined by `|`, null as `null`) and sorted, to compare whatever the order.
    public static func rows(of values: [[Any]]) -> [String] {
        values.map { row in row.map(text).joined(separator: "|") }.sorted()
    }

    private static func text(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case let number as NSNumber:
            let double = number.doubleValue
            return double == double.rounded() && abs(double) < 1e15 ? String(Int64(double)) : String(double)
        default: return "\(value)"
        }
    }
}
