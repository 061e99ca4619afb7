import Foundation
import Jinja

/// Resolves a specification to pinned packages as `dbt deps` does: each package's requirements
/// gathered from the project and from the packages it pulls in (repeatedly, until nothing new
/// appears), a hub package pinned to the newest version inside every range asked of it.
final class PackageResolver {
    /// One package's requirements so far.
    private struct Requirement {
        var source: PackageSource
        /// Each `version:` list asked of a hub package, and who asked.
        var ranges: [(specifiers: [String], by: String)] = []
        var installPrerelease = false
        /// Each git `revision:` asked, and who asked.
        var revisions: [(revision: String, by: String)] = []
        var warnUnpinned = true

        /// Adds what one entry asks.
        mutating func add(_ asked: PackageSource, by: String) {
            switch asked {
            case .hub(_, let versions, let prerelease):
                ranges.append((versions, by))
                installPrerelease = installPrerelease || prerelease
            case .git(_, let revision, _, let warn):
                if let revision { revisions.append((revision, by)) }
                warnUnpinned = warnUnpinned && warn
            case .tarball, .local:
                break
            }
        }
    }

    private let projectRoot: String
    private let hub: PackageHub
    private let fetcher: PackageFetcher
    private let templates: Jinja.Environment
    private let early: EarlyContext
    private let versionCheck: Bool
    private let log: (String) -> Void
    /// Git and tarball URLs as written (with their templates), by rendered URL.
    private let writtenURLs: [String: String]
    /// Git URLs already warned about (a requirement is pinned more than once while resolving).
    private var warnedUnpinned: Set<String> = []

    init(projectRoot: String, hub: PackageHub, fetcher: PackageFetcher, templates: Jinja.Environment,
         early: EarlyContext, versionCheck: Bool, writtenURLs: [String: String], log: @escaping (String) -> Void) {
        self.projectRoot = projectRoot
        self.hub = hub
        self.fetcher = fetcher
        self.templates = templates
        self.early = early
        self.versionCheck = versionCheck
        self.writtenURLs = writtenURLs
        self.log = log
    }

    /// The pinned packages of `specification` and everything they pull in, in the order first asked.
    func resolve(_ specification: PackageSpecification) throws -> [PinnedPackage] {
        var order: [String] = []
        var requirements: [String: Requirement] = [:]
        var expanded: [String: String] = [:]
        var pending = specification.entries.map { ($0.source, specification.fileName) }
        while !pending.isEmpty {
            var next: [(PackageSource, String)] = []
            for (source, by) in pending {
                let key = PackageResolver.key(source, projectRoot: projectRoot)
                if requirements[key] == nil {
                    order.append(key)
                    requirements[key] = Requirement(source: source)
                }
                requirements[key]?.add(source, by: by)
                guard let requirement = requirements[key] else { continue }
                let pinned = try pin(requirement)
                // A package's own list is followed once per pin, so a cycle of packages ends.
                let identity = "\(pinned.origin)"
                guard expanded[key] != identity else { continue }
                expanded[key] = identity
                next += pinned.dependencies.map { ($0, pinned.name) }
            }
            pending = next
        }
        return try order.compactMap { requirements[$0] }.map(pin)
    }

    /// The entries of a lock file pinned as they are (they already list every package pulled in).
    func pinLocked(_ lock: PackageLock) throws -> [PinnedPackage] {
        try lock.entries.map { entry in
            var requirement = Requirement(source: entry.source)
            requirement.add(entry.source, by: PackageLock.fileName)
            requirement.warnUnpinned = false
            return try pin(requirement)
        }
    }

    /// Pins one requirement.
    private func pin(_ requirement: Requirement) throws -> PinnedPackage {
        switch requirement.source {
        case .hub(let name, _, _):
            return try pinHub(name, requirement)
        case .git(let url, _, let subdirectory, _):
            let revisions = Set(requirement.revisions.map(\.revision))
            guard revisions.count <= 1 else {
                throw DBTError(.project, "package '\(url)': git dependencies should contain exactly one version; it is asked at "
                               + requirement.revisions.map { "'\($0.revision)' (\($0.by))" }.joined(separator: " and "))
            }
            let revision = revisions.first ?? "HEAD"
            if requirement.warnUnpinned, ["HEAD", "main", "master"].contains(revision), warnedUnpinned.insert(url).inserted {
                let state = revision == "HEAD" ? "not pinned, using HEAD (default branch)" : "pinned to the \"\(revision)\" branch"
                log("Warning: The git package \"\(url)\" is \(state). This can introduce breaking changes into your project without warning!")
            }
            let (folder, commit) = try fetcher.checkout(url, revision: revision, subdirectory: subdirectory, package: url)
            return try pinFolder(folder, origin: .git(url: writtenURLs[url] ?? url, commit: commit, subdirectory: subdirectory), shownAs: url)
        case .tarball(let url, let name):
            let folder = try fetcher.unpackedTarball(url, package: url)
            // dbt installs a tarball under the entry's `name:`, not its project name.
            var pinned = try pinFolder(folder, origin: .tarball(url: writtenURLs[url] ?? url), shownAs: url)
            pinned.name = name
            return pinned
        case .local(let path):
            let folder = path.hasPrefix("/") ? path : PathText.appending(projectRoot, path)
            return try pinFolder(folder, origin: .local(path: path), shownAs: path)
        }
    }

    /// A package read from its folder: its project name and its own `packages.yml`.
    private func pinFolder(_ folder: String, origin: PinnedPackage.Origin, shownAs shown: String) throws -> PinnedPackage {
        let project: ProjectFile
        do {
            project = try ProjectFile.load(root: folder, environment: templates, context: early.values)
        } catch let error as DBTError {
            throw DBTError(.project, "package '\(shown)': \(error.message)", at: error.location)
        }
        let own = try PackageSpecification.load(root: folder, environment: templates, early: early)
        return PinnedPackage(origin: origin, name: project.name, folder: folder, dependencies: own.entries.map(\.source))
    }

    /// The newest hub release inside every range asked (prereleases only when allowed or asked for).
    private func pinHub(_ name: String, _ requirement: Requirement) throws -> PinnedPackage {
        var range = VersionRange.any
        for (index, asked) in requirement.ranges.enumerated() {
            guard let narrowed = VersionRange.allOf(asked.specifiers).flatMap(range.intersection) else {
                let other = requirement.ranges[..<index].first { VersionRange.allOf($0.specifiers + asked.specifiers) == nil }
                    ?? requirement.ranges[max(0, index - 1)]
                throw DBTError(.project, "package '\(name)': no version satisfies both \(PackageResolver.quoted(other.specifiers)) "
                               + "(\(other.by)) and \(PackageResolver.quoted(asked.specifiers)) (\(asked.by))")
            }
            range = narrowed
        }
        let prereleases = requirement.installPrerelease
            || requirement.ranges.contains { $0.specifiers.contains { VersionRange(specifier: $0).map(PackageResolver.namesPrerelease) ?? false } }
        let running = SemanticVersion(SwiftDBTVersion.dbtCompatible)
        let installable = try hub.releases(of: name).filter { release in
            guard prereleases || !release.version.isPrerelease else { return false }
            guard versionCheck, !release.requireDBTVersion.isEmpty, let running else { return true }
            return VersionRange.allOf(release.requireDBTVersion)?.contains(running) ?? false
        }
        guard let chosen = installable.last(where: { range.contains($0.version) }) else {
            let available = installable.map(\.written).joined(separator: ", ")
            throw DBTError(.project, "package '\(name)': no version satisfies \(range) (installable: \(available.isEmpty ? "none" : available))")
        }
        return PinnedPackage(origin: .hub(name: name, version: chosen.written, tarball: chosen.tarball), name: chosen.projectName,
                             folder: nil, dependencies: chosen.dependencies)
    }

    private static func namesPrerelease(_ range: VersionRange) -> Bool {
        range.lower?.version.isPrerelease == true || range.upper?.version.isPrerelease == true
    }

    private static func quoted(_ specifiers: [String]) -> String {
        "[" + specifiers.map { "'\($0)'" }.joined(separator: ", ") + "]"
    }

    /// Which requirements are the same package: the hub name, the git URL and subdirectory, the
    /// tarball URL, the local folder.
    static func key(_ source: PackageSource, projectRoot: String) -> String {
        switch source {
        case .hub(let name, _, _): return "hub:" + name
        case .git(let url, _, let subdirectory, _): return "git:" + url + "#" + (subdirectory ?? "")
        case .tarball(let url, _): return "tarball:" + url
        case .local(let path):
            return "local:" + URL(fileURLWithPath: path.hasPrefix("/") ? path : PathText.appending(projectRoot, path)).standardizedFileURL.path
        }
    }
}
