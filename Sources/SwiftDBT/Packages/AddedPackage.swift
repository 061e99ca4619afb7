import Foundation
import Yams

/// `deps --add-package name@version --source hub|git|local`: the entry `deps` adds to `packages.yml`
/// (replacing entries that name the same package), as dbt does.
public struct AddedPackage: Sendable {
    /// Where the added package comes from.
    public enum Source: String, Sendable, CaseIterable {
        case hub, git, local
    }

    public var name: String
    public var version: String?
    public var source: Source

    /// Reads `name@version`; hub and git packages need the version.
    public init(_ argument: String, source: Source) throws {
        let parts = argument.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        name = String(parts[0])
        version = parts.count > 1 ? String(parts[1]) : nil
        self.source = source
        guard !name.isEmpty else { throw DBTError(.usage, "--add-package needs a package name, like dbt-labs/dbt_utils@1.1.1") }
        if source != .local, version?.isEmpty ?? true {
            throw DBTError(.usage, "--add-package '\(argument)' needs a version (name@version) for a \(source.rawValue) package")
        }
    }

    /// Adds the entry to `packages.yml` of the project at `root` (created when missing).
    func write(into root: String) throws {
        let path = PathText.appending(root, "packages.yml")
        var document: [String: Any] = ["packages": [Any]()]
        if FileManager.default.fileExists(atPath: path) {
            let text = try FileDiscovery.read(path, shownAs: "packages.yml")
            guard let loaded = try? Yams.load(yaml: text) as? [String: Any] else {
                throw DBTError(.project, "packages.yml must be a mapping with a 'packages' list", at: FileLocation(path: path, line: 1, column: 1))
            }
            document = loaded
        }
        var entries = (document["packages"] as? [Any]) ?? []
        entries.removeAll { entry in
            ((entry as? [String: Any])?.values ?? [:].values).contains { ($0 as? String)?.contains(name) == true }
        }
        var entry: [String: Any]
        switch source {
        case .hub: entry = ["package": name, "version": version ?? ""]
        case .git: entry = ["git": name, "revision": version ?? ""]
        case .local: entry = ["local": name]
        }
        entries.append(entry)
        document["packages"] = entries
        do {
            try Yams.dump(object: document, sortKeys: true).write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw DBTError(.project, "cannot write \(path): \(error.localizedDescription)")
        }
    }
}
