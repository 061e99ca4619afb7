import Foundation
import Jinja

/// `swiftdbt deps`: resolves the project's packages (or reuses `package-lock.yml` while the
/// specification is unchanged), installs them beside `packages-install-path` and swaps them in, so a
/// failure leaves the previous installation as it was; then writes the lock file.
public enum DepsTask {
    /// What `deps` is asked to do.
    public struct Options: Sendable {
        public var projectDirectory: String
        /// `--vars` as YAML or JSON.
        public var vars: String?
        public var environment: [String: String]
        /// `--upgrade`: resolve again even when the lock file matches.
        public var upgrade: Bool
        /// `--lock`: write the lock file only, install nothing.
        public var lockOnly: Bool
        /// Whether hub releases whose `require_dbt_version` excludes dbt 1.10 are skipped.
        public var versionCheck: Bool
        /// `--add-package name@version` with `--source`.
        public var addPackage: AddedPackage?

        public init(projectDirectory: String = ".", vars: String? = nil,
                    environment: [String: String] = ProcessInfo.processInfo.environment,
                    upgrade: Bool = false, lockOnly: Bool = false, versionCheck: Bool = true, addPackage: AddedPackage? = nil) {
            self.projectDirectory = projectDirectory
            self.vars = vars
            self.environment = environment
            self.upgrade = upgrade
            self.lockOnly = lockOnly
            self.versionCheck = versionCheck
            self.addPackage = addPackage
        }
    }

    /// Runs `deps`. `progress` receives a line as each package is fetched and installed, `log` warnings.
    /// `DBT_ENV_SECRET_*` values are masked in every line and error (the lock file keeps URLs as written).
    public static func run(_ options: Options, progress: @escaping (String) -> Void, log: @escaping (String) -> Void) throws {
        let mask = SecretMask(environment: options.environment)
        let scrub = { (text: String) in mask.apply(text) }
        do {
            try perform(options, progress: { progress(scrub($0)) }, log: { log(scrub($0)) })
        } catch var error as DBTError {
            error.message = scrub(error.message)
            error.sourceLine = error.sourceLine.map(scrub)
            throw error
        }
    }

    private static func perform(_ options: Options, progress: @escaping (String) -> Void, log: @escaping (String) -> Void) throws {
        let templates = Jinja.Environment()
        let early = EarlyContext(cliVars: try ProjectLoader.parseCLIVars(options.vars), environment: options.environment)
        let project = try ProjectFile.load(root: options.projectDirectory, environment: templates, context: early.withoutProfile)
        if let added = options.addPackage {
            try added.write(into: project.root)
            progress("Added \(added.name)\(added.version.map { "@" + $0 } ?? "") to packages.yml")
        }
        let specification = try PackageSpecification.load(root: project.root, environment: templates, early: early)
        let projectPath = URL(fileURLWithPath: project.root).standardizedFileURL.path
        let installPath = URL(fileURLWithPath: project.packagesInstallPath, relativeTo: URL(fileURLWithPath: projectPath + "/"))
            .standardizedFileURL.path
        guard installPath.hasPrefix(projectPath.hasSuffix("/") ? projectPath : projectPath + "/") else {
            throw DBTError(.project, "refusing to install packages into '\(project.packagesInstallPath)': "
                           + "packages-install-path must be a folder inside the project")
        }
        // Absolute, as `git` and `tar` run inside it.
        let work = PathText.appending(projectPath, ".swiftdbt-deps-\(UUID().uuidString.lowercased())")
        try createFolder(work)
        defer { try? FileManager.default.removeItem(atPath: work) }

        var writtenURLs: [String: String] = [:]
        for entry in specification.entries {
            for key in ["git", "private", "tarball"] {
                if let rendered = entry.rendered[key]?.scalarString, let written = entry.written[key]?.scalarString {
                    writtenURLs[rendered] = written
                }
            }
        }
        let fetcher = PackageFetcher(work: work)
        let resolver = PackageResolver(projectRoot: project.root, hub: PackageHub(environment: options.environment), fetcher: fetcher,
                                       templates: templates, early: early, versionCheck: options.versionCheck,
                                       writtenURLs: writtenURLs, log: log)
        let lock = try PackageLock.load(root: project.root, environment: templates, early: early)
        let packages: [PinnedPackage]
        let relock: Bool
        if let lock, !options.upgrade, lock.hash == PackageLock.hash(of: specification) {
            packages = try resolver.pinLocked(lock)
            relock = false
        } else {
            packages = try resolver.resolve(specification)
            relock = true
        }
        if options.lockOnly {
            if specification.entries.isEmpty {
                log("Warning: No packages were found in \(specification.fileName)")
            } else {
                try PackageLock.write(packages, specification: specification, root: project.root)
                progress("Updated \(PackageLock.fileName)")
            }
            return
        }
        let staging = PathText.appending(work, "install")
        try createFolder(staging)
        for package in packages {
            progress("Installing \(package.displayName)")
            try install(package, into: PathText.appending(staging, package.name), fetcher: fetcher, projectRoot: project.root)
            progress("Installed \(package.name) from \(package.versionText)")
        }
        try swap(staging, into: installPath, work: work)
        if specification.entries.isEmpty {
            // As dbt: the install folder is emptied, and no lock file is written.
            log("Warning: No packages were found in \(specification.fileName)")
        } else if relock {
            try PackageLock.write(packages, specification: specification, root: project.root)
            progress("Updated \(PackageLock.fileName)")
        }
    }

    /// Puts one pinned package at `destination`: hub tarballs unpacked, git checkouts and unpacked tarballs
    /// moved, local packages linked (as dbt does).
    private static func install(_ package: PinnedPackage, into destination: String, fetcher: PackageFetcher, projectRoot: String) throws {
        let folder: String
        switch package.origin {
        case .hub(let name, _, let tarball):
            folder = try fetcher.unpackedTarball(tarball, package: name)
        case .local(let path):
            let target = URL(fileURLWithPath: path.hasPrefix("/") ? path : PathText.appending(projectRoot, path)).standardizedFileURL.path
            do {
                try FileManager.default.createSymbolicLink(atPath: destination, withDestinationPath: target)
            } catch {
                throw DBTError(.project, "package '\(path)': cannot link it into the install folder: \(error.localizedDescription)")
            }
            return
        case .git, .tarball:
            guard let fetched = package.folder else { return }
            folder = fetched
        }
        do {
            try FileManager.default.moveItem(atPath: folder, toPath: destination)
        } catch {
            throw DBTError(.project, "package '\(package.displayName)': cannot install it: \(error.localizedDescription)")
        }
    }

    /// Replaces the install folder by `staging`: the old one is moved aside first, and put back if the move in fails.
    private static func swap(_ staging: String, into installPath: String, work: String) throws {
        let manager = FileManager.default
        try createFolder((installPath as NSString).deletingLastPathComponent)
        let previous = PathText.appending(work, "previous")
        let hadPrevious = manager.fileExists(atPath: installPath)
        do {
            if hadPrevious { try manager.moveItem(atPath: installPath, toPath: previous) }
            try manager.moveItem(atPath: staging, toPath: installPath)
        } catch {
            if hadPrevious, !manager.fileExists(atPath: installPath) { try? manager.moveItem(atPath: previous, toPath: installPath) }
            throw DBTError(.project, "cannot replace \(installPath): \(error.localizedDescription)")
        }
    }

    private static func createFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw DBTError(.project, "cannot create \(path): \(error.localizedDescription)")
        }
    }
}
