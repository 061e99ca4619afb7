/// A package resolved to exactly what `deps` installs, as a `package-lock.yml` entry records it.
struct PinnedPackage: Sendable {
    /// Where the pinned package comes from.
    enum Origin: Sendable, Equatable {
        /// A hub package at one version, and the tarball the hub gives for it.
        case hub(name: String, version: String, tarball: String)
        /// A git repository at a commit; `url` as written (templates kept, so no secret lands in the lock).
        case git(url: String, commit: String, subdirectory: String?)
        case tarball(url: String)
        case local(path: String)
    }

    var origin: Origin
    /// The package's project name: its folder under `packages-install-path`.
    var name: String
    /// The fetched package folder (git and tarball packages; a local package's own folder); nil for hub packages.
    var folder: String?
    /// What the package itself lists (used while resolving; empty for a lock's entries).
    var dependencies: [PackageSource]

    /// The `package-lock.yml` entry, keys in the order dbt's YAML writer sorts them.
    var lockEntry: [(key: String, value: String)] {
        switch origin {
        case .hub(let package, let version, _): return [("name", name), ("package", package), ("version", version)]
        case .git(let url, let commit, let subdirectory):
            return [("git", url), ("name", name), ("revision", commit)] + (subdirectory.map { [("subdirectory", $0)] } ?? [])
        case .tarball(let url): return [("name", name), ("tarball", url)]
        case .local(let path): return [("local", path), ("name", name)]
        }
    }

    /// How `deps` names the package while installing it.
    var displayName: String {
        switch origin {
        case .hub(let name, _, _): return name
        case .git(let url, _, let subdirectory): return subdirectory.map { "\(url) (\($0))" } ?? url
        case .tarball(let url): return url
        case .local(let path): return path
        }
    }

    /// The version installed, as `deps` reports it.
    var versionText: String {
        switch origin {
        case .hub(_, let version, _): return "version \(version)"
        case .git(_, let commit, _): return "revision \(commit)"
        case .tarball(let url): return "tarball \(url)"
        case .local(let path): return "<local @ \(path)>"
        }
    }
}
