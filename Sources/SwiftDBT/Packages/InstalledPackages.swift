import Foundation
import Jinja

/// The packages a project loads besides itself, found as dbt finds them: every folder under
/// `packages-install-path` (whoever installed it, swiftdbt or dbt), plus the `local:` packages of
/// the specification that are not installed there, read in place (transitively).
enum InstalledPackages {
    /// The project's packages; fails with dbt's "run deps" message when fewer are installed than
    /// the specification lists. (`ProjectLoader` checks their `require-dbt-version`.) Their dbt_project.yml files are
    /// rendered with `context`, which holds the root's `target` as dbt renders a package's with the root's profile.
    static func load(for project: ProjectFile, specification: PackageSpecification, environment: Jinja.Environment,
                     early: EarlyContext, context: [String: Value]) throws -> [PackageInfo] {
        let installRoot = project.packagesInstallPath.hasPrefix("/") ? project.packagesInstallPath
            : PathText.appending(project.root, project.packagesInstallPath)
        var packages: [PackageInfo] = []
        var names: Set<String> = [project.name]
        var paths: Set<String> = []
        func read(_ root: String) throws -> ProjectFile {
            do {
                return try ProjectFile.load(root: root, environment: environment, context: context)
            } catch let error as DBTError {
                var wrapped = error
                wrapped.message = "Failed to read package: " + error.message
                throw wrapped
            }
        }
        func add(_ package: ProjectFile) throws {
            guard names.insert(package.name).inserted else {
                throw DBTError(.project, "dbt found more than one package with the name \"\(package.name)\" included in this "
                               + "project. Package names must be unique in a project. Please rename one of these packages.")
            }
            paths.insert(canonical(package.root))
            packages.append(PackageInfo(name: package.name, root: package.root, project: package, isRoot: false))
        }
        for folder in folders(in: installRoot) { try add(try read(PathText.appending(installRoot, folder))) }
        var available = packages.count
        var pending = [(owner: project, specification: specification)]
        while !pending.isEmpty {
            let (owner, spec) = pending.removeFirst()
            for entry in spec.entries {
                guard case .local(let path) = entry.source else { continue }
                let root = path.hasPrefix("/") ? path : PathText.appending(owner.root, path)
                guard !paths.contains(canonical(root)) else { continue }
                let package = try read(root)
                guard !names.contains(package.name) else { continue }
                try add(package)
                if owner.root == project.root { available += 1 }
                pending.append((package, try PackageSpecification.load(root: root, environment: environment, early: early)))
            }
        }
        if specification.entries.count > available {
            throw DBTError(.project, "dbt found \(specification.entries.count) package(s) specified in \(specification.fileName), "
                           + "but only \(available) package(s) installed in \(project.packagesInstallPath). "
                           + "Run \"swiftdbt deps\" to install package dependencies.")
        }
        return packages
    }

    /// The package folders under `root` (links to folders included, `__` names skipped), sorted.
    static func folders(in root: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root) else { return [] }
        return names.filter { name in
            var isFolder: ObjCBool = false
            return !name.hasPrefix("__") && FileManager.default.fileExists(atPath: PathText.appending(root, name), isDirectory: &isFolder)
                && isFolder.boolValue
        }.sorted()
    }

    /// The path with links resolved, to recognise a `local:` package dbt installed as a link.
    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }
}
