import Foundation

/// Where one package comes from, as a `packages.yml` entry says.
public enum PackageSource: Sendable, Equatable {
    /// `package: org/name` from the package hub, `version:` one or more specifiers.
    case hub(name: String, versions: [String], installPrerelease: Bool)
    /// `git:` (or `private:` with its `provider:`) at `revision:`, optionally a `subdirectory:`.
    case git(url: String, revision: String?, subdirectory: String?, warnUnpinned: Bool)
    /// `tarball:` a URL of a .tar.gz archive, installed as `name:`.
    case tarball(url: String, name: String)
    /// `local:` a folder, relative to the project that lists it.
    case local(path: String)

    /// Reads a rendered entry.
    init(_ entry: ConfigValue, at location: FileLocation) throws {
        func text(_ key: String) -> String? { entry[key]?.scalarString }
        if let name = text("package") {
            guard let version = entry["version"] else {
                throw DBTError(.project, "package '\(name)' needs a 'version' (a version or a list of ranges)", at: location)
            }
            let versions: [String]
            if case .list(let items) = version { versions = items.compactMap(\.scalarString) } else { versions = version.scalarString.map { [$0] } ?? [] }
            guard !versions.isEmpty, versions.allSatisfy({ VersionRange(specifier: $0) != nil }) else {
                throw DBTError(.project, "package '\(name)': '\(versions.joined(separator: ", "))' is not a version or a list of version ranges",
                               at: location)
            }
            self = .hub(name: name, versions: versions, installPrerelease: entry["install_prerelease"]?.boolValue ?? false)
        } else if let url = text("git") ?? text("private").map({ PackageSource.privateURL($0, provider: text("provider")) }) {
            self = .git(url: url, revision: text("revision"), subdirectory: text("subdirectory"),
                        warnUnpinned: entry["warn-unpinned"]?.boolValue ?? true)
        } else if let url = text("tarball") {
            guard let name = text("name") else {
                throw DBTError(.project, "tarball package '\(url)' needs a 'name'", at: location)
            }
            self = .tarball(url: url, name: name)
        } else if let path = text("local") {
            self = .local(path: path)
        } else {
            throw DBTError(.project, "a package entry needs one of 'package', 'git', 'private', 'tarball' or 'local'", at: location)
        }
    }

    /// A `private:` entry's clone URL (dbt-core itself refuses these; dbt Cloud clones them through its git
    /// provider): the provider's HTTPS address, whose credentials git's own helpers supply (swiftdbt neither
    /// reads nor stores them). `org/repo` on GitHub (the default) or GitLab, `org/project/repo` on Azure DevOps.
    private static func privateURL(_ repository: String, provider: String?) -> String {
        switch provider?.lowercased() {
        case "gitlab":
            return "https://gitlab.com/\(repository).git"
        case "ado", "azure_devops", "azure-devops":
            let parts = repository.split(separator: "/", maxSplits: 2).map(String.init)
            guard parts.count == 3 else { return "https://dev.azure.com/\(repository)" }
            return "https://dev.azure.com/\(parts[0])/\(parts[1])/_git/\(parts[2])"
        default:
            return "https://github.com/\(repository).git"
        }
    }

    /// How the package is named in messages.
    public var displayName: String {
        switch self {
        case .hub(let name, _, _): return name
        case .git(let url, _, let subdirectory, _): return subdirectory.map { "\(url)#\($0)" } ?? url
        case .tarball(let url, _): return url
        case .local(let path): return path
        }
    }
}
