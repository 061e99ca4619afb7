/// A node-selection method: the `method` of `method:value` (dbt's selector methods that swiftdbt's graph can answer).
public enum SelectorMethod: String, Sendable, CaseIterable {
    case fqn, tag, source, path, file, package, config
    case testName = "test_name"
    case testType = "test_type"
    case resourceType = "resource_type"
    case exposure, metric
    /// `unit_test:[package.]name`.
    case unitTest = "unit_test"
    case semanticModel = "semantic_model"
    case savedQuery = "saved_query"
    /// `version:latest|prerelease|old|none`: where a model stands among its versions.
    case version
    /// `state:new`, `state:modified[.part]`: compared with `--state` (`StateComparison`).
    case state
    /// `result:error`, ...: the status in `--state`'s run results.
    case result
    /// `source_status:fresher`: sources loaded since `--state`'s `sources.json` (compared with the target's).
    case sourceStatus = "source_status"

    /// dbt methods that need resources swiftdbt does not model.
    private static let unsupported: Set<String> = [
        "group", "access", "wildcard",
    ]

    /// The method for a written name (the part of `config.materialized` before the first dot).
    public static func named(_ name: String) throws -> SelectorMethod {
        if let method = SelectorMethod(rawValue: name) { return method }
        if unsupported.contains(name) {
            throw DBTError(.usage, "the '\(name)' selector method is not supported by swiftdbt")
        }
        let valid = allCases.map(\.rawValue).sorted().joined(separator: ", ")
        throw DBTError(.usage, "'\(name)' is not a valid method name; valid methods are: \(valid)")
    }

    /// dbt's method for a value written without one: `path` if it contains a slash,
    /// `file` if it ends in `.sql`, `.py` or `.csv`, else `fqn`.
    public static func defaultMethod(for value: String) -> SelectorMethod {
        if value.contains("/") { return .path }
        let lowered = value.lowercased()
        if [".sql", ".py", ".csv"].contains(where: { lowered.hasSuffix($0) }) { return .file }
        return .fqn
    }

    /// Rejects values dbt rejects when it searches (a malformed source name, an unknown test or resource type).
    func validate(_ value: String) throws {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false).count
        switch self {
        case .source where parts > 3:
            throw DBTError(.usage, "Invalid source selector value \"\(value)\". Sources must be of the form "
                + "`${source_name}`, `${source_name}.${target_name}`, or "
                + "`${package_name}.${source_name}.${target_name}`")
        case .exposure where parts > 2, .metric where parts > 2, .semanticModel where parts > 2, .savedQuery where parts > 2:
            let plural = [.exposure: "Exposures", .metric: "Metrics", .semanticModel: "Semantic models"][self] ?? "Saved queries"
            throw DBTError(.usage, "Invalid \(rawValue.replacingOccurrences(of: "_", with: " ")) selector value \"\(value)\". \(plural) must be "
                + "of the form ${\(rawValue)_name} or ${\(rawValue)_package.\(rawValue)_name}")
        case .testType where TestTypeFilter(value) == nil:
            throw DBTError(.usage, "Invalid test type selector \(value): expected \"generic\", \"singular\", "
                + "\"unit\", or \"data\"")
        case .resourceType where ResourceType(rawValue: value) == nil:
            throw DBTError(.usage, "Invalid resource_type selector \"\(value)\"")
        case .version where !["latest", "prerelease", "old", "none"].contains(value):
            throw DBTError(.usage, "Invalid version type selector \(value): expected one of: \"latest\", \"prerelease\", "
                + "\"old\", or \"none\"")
        case .state where !StateComparison.values.contains(value):
            let valid = StateComparison.values.sorted().joined(separator: ", ")
            throw DBTError(.usage, "Got an invalid selector method value \"\(value)\" for state:; expected one of \(valid)")
        case .result where !["success", "error", "fail", "warn", "skipped", "pass", "runtime error"].contains(value):
            throw DBTError(.usage, "Got an invalid selector method value \"\(value)\" for result:; expected success, error, fail, "
                + "warn, skipped or pass")
        default:
            break
        }
    }
}
