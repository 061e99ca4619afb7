import Foundation

/// A package of the project: the root project itself, an installed package or a `local:` one.
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
}
