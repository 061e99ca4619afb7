import Foundation
import Jinja

/// The packages a project asks for: the `packages:` list of `packages.yml` or `dependencies.yml`
/// (dbt's rules: the list may be in one of them only; `dependencies.yml` wins when only it has one),
/// rendered with `env_var()` and `var()` of `--vars`.
public struct PackageSpecification: Sendable {
    /// One entry of the `packages:` list.
    public struct Entry: Sendable {
        public var source: PackageSource
        /// The entry as written (before rendering) and rendered, for the lock file's hash.
        public var written: ConfigValue
        public var rendered: ConfigValue
        public var location: FileLocation
    }

    /// The file the list came from (`packages.yml` or `dependencies.yml`), relative to the project.
    public var fileName: String
    public var entries: [Entry]

    /// Reads the specification of the project at `root`; an empty one when neither file lists packages.
    static func load(root: String, environment: Jinja.Environment, early: EarlyContext) throws -> PackageSpecification {
        let packagesFile = try document(root: root, name: "packages.yml")
        let dependenciesFile = try document(root: root, name: "dependencies.yml")
        if packagesFile?["packages"] != nil, dependenciesFile?["packages"] != nil {
            throw DBTError(.project, "The 'packages' key cannot be specified in both packages.yml and dependencies.yml",
                           at: dependenciesFile?["packages"]?.location)
        }
        if let projects = packagesFile?["projects"] {
            throw DBTError(.project, "The 'projects' key cannot be specified in packages.yml", at: projects.location)
        }
        let (fileName, list) = dependenciesFile?["packages"].map { ("dependencies.yml", $0) }
            ?? ("packages.yml", packagesFile?["packages"])
        return PackageSpecification(fileName: fileName, entries: try entries(list, environment: environment, early: early))
    }

    /// The entries of a `packages:` list (of a specification or a lock file).
    static func entries(_ list: YAMLNode?, environment: Jinja.Environment, early: EarlyContext) throws -> [Entry] {
        guard let list, !list.isNull else { return [] }
        guard case .sequence = list.kind else {
            throw DBTError(.project, "'packages' must be a list", at: list.location)
        }
        return try list.items.map { item in
            let rendered = try item.rendered(environment, early.packageValues)
            do {
                return Entry(source: try PackageSource(rendered, at: item.location), written: item.value, rendered: rendered,
                             location: item.location)
            } catch var error as DBTError {
                if error.sourceLine == nil, let text = try? FileDiscovery.read(item.location.path, shownAs: item.location.path) {
                    error.sourceLine = SourceText.line(item.location.line, of: text)
                }
                throw error
            }
        }
    }

    static func document(root: String, name: String) throws -> YAMLNode? {
        let path = PathText.appending(root, name)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let text = try FileDiscovery.read(path, shownAs: path)
        guard let node = try YAMLNode.parse(text, path: path) else { return nil }
        guard case .mapping = node.kind else {
            throw DBTError(.project, "\(name) must be a mapping with a 'packages' list", at: node.location)
        }
        return node
    }
}
