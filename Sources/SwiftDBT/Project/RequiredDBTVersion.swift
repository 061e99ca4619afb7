/// `require-dbt-version` of a project or package: every constraint must hold for the dbt version swiftdbt follows.
public struct RequiredDBTVersion: Sendable {
    public var constraints: [VersionRequirement]
    var location: FileLocation?
    var sourceLine: String?

    /// Reads the setting as written: a string (commas separate constraints) or a list of strings.
    static func parse(_ node: YAMLNode?, text: String) throws -> RequiredDBTVersion? {
        guard let node else { return nil }
        let line = SourceText.line(node.location.line, of: text)
        let texts: [String]
        switch node.value {
        case .string(let value): texts = value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        case .list(let items) where items.allSatisfy({ $0.stringValue != nil }): texts = items.compactMap(\.stringValue)
        default:
            throw DBTError(.project, "'require-dbt-version' must be a version string or a list of them",
                           at: node.location, sourceLine: line)
        }
        let constraints = try texts.map { text in
            guard let constraint = VersionRequirement(text) else {
                throw DBTError(.project, "\"\(text)\" is not a valid semantic version.", at: node.location, sourceLine: line)
            }
            return constraint
        }
        return RequiredDBTVersion(constraints: constraints, location: node.location, sourceLine: line)
    }

    /// Fails, with dbt's message, when the dbt version swiftdbt follows does not meet every constraint.
    func check(package: String) throws {
        let installed = VersionRequirement.installed
        guard !constraints.allSatisfy({ $0.isMet(by: installed) }) else { return }
        let required = "[" + constraints.map { "'\($0.text)'" }.joined(separator: ", ") + "]"
        throw DBTError(.project, "This version of dbt is not supported with the '\(package)' package.", at: location,
                       sourceLine: sourceLine, notes: [
                           "Installed version of dbt: =\(installed) (swiftdbt \(SwiftDBTVersion.current) follows dbt-core "
                               + "\(SwiftDBTVersion.dbtCompatible))",
                           "Required version of dbt for '\(package)': \(required)",
                           "Check for a different version of the '\(package)' package, or run swiftdbt again with --no-version-check",
                       ])
    }
}
