import Foundation

/// Fetches packages into a work folder for `deps`: git checkouts (system `git`), downloaded and
/// unpacked tarballs (URLSession and the system `tar`). Nothing is written outside `work`.
final class PackageFetcher {
    let work: String
    private var count = 0
    private var checkouts: [String: (folder: String, commit: String)] = [:]
    private var tarballs: [String: String] = [:]

    init(work: String) {
        self.work = work
    }

    /// A new empty folder in the work folder.
    func newFolder(_ prefix: String) throws -> String {
        count += 1
        let folder = PathText.appending(work, "\(prefix)-\(count)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A checkout of `url` at `revision` (a tag, preferred to a branch of the same name, a branch or a
    /// commit; `HEAD` the default branch): the package folder (`subdirectory` of it) and the commit.
    func checkout(_ url: String, revision: String, subdirectory: String?, package: String) throws -> (folder: String, commit: String) {
        let key = url + "\u{0}" + revision + "\u{0}" + (subdirectory ?? "")
        if let known = checkouts[key] { return known }
        let folder = try newFolder("git")
        try ExternalTool.run("git", ["clone", "--quiet", "--no-checkout", "--", url, "repository"], in: folder, for: package)
        let repository = PathText.appending(folder, "repository")
        let candidates = revision == "HEAD" ? ["HEAD"] : ["refs/tags/\(revision)", "refs/remotes/origin/\(revision)", revision]
        var commit: String?
        for candidate in candidates {
            if let found = try? ExternalTool.run("git", ["rev-parse", "--verify", "--quiet", "\(candidate)^{commit}"],
                                                 in: repository, for: package) {
                commit = found.trimmingCharacters(in: .whitespacesAndNewlines)
                break
            }
        }
        guard let commit, !commit.isEmpty else {
            throw DBTError(.project, "package '\(url)': revision '\(revision)' not found in the repository")
        }
        try ExternalTool.run("git", ["-c", "advice.detachedHead=false", "checkout", "--quiet", "--detach", commit],
                             in: repository, for: package)
        var packageFolder = repository
        if let subdirectory {
            packageFolder = PathText.appending(repository, subdirectory)
            guard !subdirectory.hasPrefix("/"), !subdirectory.split(separator: "/").contains(".."), FileManager.default.fileExists(atPath: packageFolder) else {
                throw DBTError(.project, "package '\(url)': subdirectory '\(subdirectory)' not found at revision '\(revision)'")
            }
        }
        checkouts[key] = (packageFolder, commit)
        return (packageFolder, commit)
    }

    /// The package folder of the .tar.gz archive at `url`: the archive's root when it holds
    /// `dbt_project.yml`, else its single top folder.
    func unpackedTarball(_ url: String, package: String) throws -> String {
        if let known = tarballs[url] { return known }
        let data = try PackageDownload.data(from: url, for: package)
        let folder = try newFolder("tarball")
        let archive = PathText.appending(folder, "archive.tar.gz")
        let contents = PathText.appending(folder, "contents")
        try FileManager.default.createDirectory(atPath: contents, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: archive, contents: data) else {
            throw DBTError(.project, "package '\(package)': cannot write the downloaded archive")
        }
        do {
            try ExternalTool.run("tar", ["-xzf", archive, "-C", contents, "--no-same-owner", "--no-same-permissions"],
                                 in: folder, for: package)
        } catch let error as DBTError {
            throw DBTError(.project, "package '\(package)': \(url) is not a readable .tar.gz archive (\(error.message))")
        }
        var root = contents
        if !FileManager.default.fileExists(atPath: PathText.appending(root, "dbt_project.yml")) {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: root))?.filter { !$0.hasPrefix(".") } ?? []
            guard entries.count == 1 else {
                throw DBTError(.project, "package '\(package)': the archive at \(url) holds no dbt_project.yml")
            }
            root = PathText.appending(root, entries[0])
        }
        tarballs[url] = root
        return root
    }
}
