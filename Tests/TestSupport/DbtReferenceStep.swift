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
                                    exitCodes: codes.map(Int32.init), tables: tables.mapValues { rows(of: $0) })
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
