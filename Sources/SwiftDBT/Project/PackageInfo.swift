import Foundation
import Jinja

/// A package of the project: the root project itself or a `local:` package from `packages.yml`.
/// A class: every generic test of the package refers to it, and a copy of its project file was
/// two dozen retains and 400 bytes (a 100,000-model project made 300,000 of them).
public final class PackageInfo: Sendable {
    public let name: String
    public let root: String
    public let project: ProjectFile
    public let isRoot: Bool

    init(name: String, root: String, project: ProjectFile, isRoot: Bool) {
        self.name = name
        self.root = root
        self.project = project
        self.isRoot = isRoot
    }

    /// The root project's local packages, in `packages.yml` order (recursively, each once).
    static func localPackages(of project: ProjectFile, environment: Jinja.Environment,
                              context: [String: Value]) throws -> [PackageInfo] {
        var result: [PackageInfo] = []
        var seen: Set<String> = [project.name]
        var pending = [project]
        while !pending.isEmpty {
            let current = pending.removeFirst()
            for path in try localPaths(of: current) {
                let root = (path as NSString).isAbsolutePath ? path : (current.root as NSString).appendingPathComponent(path)
                let package = try ProjectFile.load(root: root, environment: environment, context: context)
                guard seen.insert(package.name).inserted else { continue }
                result.append(PackageInfo(name: package.name, root: root, project: package, isRoot: false))
                pending.append(package)
            }
        }
        return result
    }

    /// The `local:` paths of `packages.yml` (or `dependencies.yml`); other package kinds are errors.
    private static func localPaths(of project: ProjectFile) throws -> [String] {
        var paths: [String] = []
        for fileName in ["packages.yml", "dependencies.yml"] {
            let path = (project.root as NSString).appendingPathComponent(fileName)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                  let root = try YAMLNode.parse(text, path: path) else { continue }
            for entry in root["packages"]?.items ?? [] {
                if let local = entry["local"]?.scalarText {
                    paths.append(local)
                } else {
                    let name = entry["package"]?.scalarText ?? entry["git"]?.scalarText ?? entry["tarball"]?.scalarText ?? "?"
                    throw DBTError(.project, "package '\(name)' cannot be installed: swiftdbt works offline and "
                                   + "supports only `local:` packages (vendor the package and point `local:` at it)",
                                   at: entry.location)
                }
            }
        }
        return paths
    }
}
