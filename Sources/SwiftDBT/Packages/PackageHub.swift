import Foundation

/// The dbt package hub's JSON API (`DBT_PACKAGE_HUB_URL`, default https://hub.getdbt.com/):
/// `api/v1/index.json` lists the packages, `api/v1/<org>/<name>.json` a package's versions, each with
/// its project name, tarball and dependencies. Answers are kept for the invocation.
final class PackageHub {
    /// One version of a hub package.
    struct Release {
        var version: SemanticVersion
        /// The version as the hub writes it (the lock file keeps it so).
        var written: String
        /// The package's project name: its folder under `packages-install-path`.
        var projectName: String
        var tarball: String
        var dependencies: [PackageSource]
        /// The release's `require_dbt_version` specifiers (empty: any).
        var requireDBTVersion: [String]
    }

    static let defaultURL = "https://hub.getdbt.com/"
    private let baseURL: String
    private var index: Set<String>?
    private var releases: [String: [Release]] = [:]

    init(environment: [String: String]) {
        let url = environment["DBT_PACKAGE_HUB_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? PackageHub.defaultURL
        baseURL = url.hasSuffix("/") ? url : url + "/"
    }

    /// The releases of `name` (`org/package`); fails when the hub does not list it.
    func releases(of name: String) throws -> [Release] {
        if let known = releases[name] { return known }
        if index == nil {
            let data = try PackageDownload.data(from: baseURL + "api/v1/index.json", for: name)
            guard case .list(let items)? = PackageHub.document(data, url: baseURL + "api/v1/index.json") else {
                throw DBTError(.project, "package '\(name)': the package hub's index (\(baseURL)api/v1/index.json) is not a list of names")
            }
            index = Set(items.compactMap(\.stringValue))
        }
        guard index?.contains(name) == true else {
            throw DBTError(.project, "package '\(name)': not found in the package hub (\(baseURL))")
        }
        let url = baseURL + "api/v1/\(name).json"
        let data = try PackageDownload.data(from: url, for: name)
        guard case .dict(let versions)? = PackageHub.document(data, url: url)?["versions"] else {
            throw DBTError(.project, "package '\(name)': \(url) has no 'versions' mapping")
        }
        let found = try versions.compactMap { written, details -> Release? in
            guard let version = SemanticVersion(written) else { return nil }
            guard let projectName = details["name"]?.stringValue, let tarball = details["downloads"]?["tarball"]?.stringValue else {
                throw DBTError(.project, "package '\(name)': version \(written) in \(url) lacks 'name' or 'downloads.tarball'")
            }
            var dependencies: [PackageSource] = []
            if case .list(let entries)? = details["packages"] {
                dependencies = try entries.map { try PackageSource($0, at: FileLocation(path: url, line: 1, column: 1)) }
            }
            let required = details["require_dbt_version"]
            let requireDBTVersion = required.map { $0.stringList.isEmpty ? ($0.scalarString.map { [$0] } ?? []) : $0.stringList } ?? []
            return Release(version: version, written: written, projectName: projectName, tarball: tarball,
                           dependencies: dependencies, requireDBTVersion: requireDBTVersion)
        }.sorted { $0.version < $1.version }
        releases[name] = found
        return found
    }

    /// A JSON answer of the hub, read as YAML (a superset of JSON); nil when it is not a document.
    private static func document(_ data: Data, url: String) -> ConfigValue? {
        guard let text = String(data: data, encoding: .utf8), let node = try? YAMLNode.parse(text, path: url) else { return nil }
        return node.value
    }
}
