import Foundation

/// A project's `require-dbt-version`: the dbt versions it works with, checked against the dbt
/// version swiftdbt follows (`SwiftDBTVersion.dbtCompatible`).
enum DBTVersionRequirement {
    /// Fails with dbt's message when `project` requires a dbt version swiftdbt does not follow.
    static func check(_ project: ProjectFile) throws {
        guard let (specifiers, location, line) = try requirement(of: project) else { return }
        let written = "[" + specifiers.map { "'\($0)'" }.joined(separator: ", ") + "]"
        guard let range = VersionRange.allOf(specifiers) else {
            if specifiers.contains(where: { VersionRange(specifier: $0) == nil }) {
                throw DBTError(.project, "'require-dbt-version' of '\(project.name)' must be versions like '>=1.0.0': \(written)",
                               at: location, sourceLine: line)
            }
            throw DBTError(.project, "The package version requirement can never be satisfied for the '\(project.name)' package.",
                           at: location, sourceLine: line, notes: ["Required versions of dbt for '\(project.name)': \(written)",
                                                 "run swiftdbt again with --no-version-check to skip this check"])
        }
        guard let running = SemanticVersion(SwiftDBTVersion.dbtCompatible), !range.contains(running) else { return }
        throw DBTError(.project, "This version of dbt is not supported with the '\(project.name)' package.", at: location,
                       sourceLine: line, notes: ["Installed version of dbt: =\(SwiftDBTVersion.dbtCompatible)",
                               "Required version of dbt for '\(project.name)': \(written)",
                               "Check for a different version of the '\(project.name)' package, or run swiftdbt again with --no-version-check"])
    }

    /// The specifiers of `require-dbt-version` (a text or a list), where they are written and that line; nil when there are none.
    private static func requirement(of project: ProjectFile) throws -> ([String], FileLocation, String?)? {
        let text = try FileDiscovery.read(project.path, shownAs: project.path)
        guard let node = try YAMLNode.parse(text, path: project.path), let value = node["require-dbt-version"] else { return nil }
        let specifiers = value.items.isEmpty ? value.scalarText.map { [$0] } ?? [] : value.items.compactMap(\.scalarText)
        return specifiers.isEmpty ? nil : (specifiers, value.location, SourceText.line(value.location.line, of: text))
    }
}
