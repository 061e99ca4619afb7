import Foundation

/// Lists a package's files under its resource folders, in a stable order.
enum FileDiscovery {
    /// One file found under a resource folder.
    struct Found: Sendable {
        /// Absolute (or invocation-relative) path, for reading.
        var path: String
        /// Path relative to the package root (`models/staging/x.sql`).
        var originalFilePath: String
        /// Path relative to the resource folder (`staging/x.sql`).
        var resourcePath: String
    }

    /// Every file under `folders` of `root` whose extension is in `extensions`, sorted by path.
    static func files(in root: String, folders: [String], extensions: Set<String>) -> [Found] {
        var found: [Found] = []
        let manager = FileManager.default
        for folder in folders {
            let base = (root as NSString).appendingPathComponent(folder)
            guard let enumerator = manager.enumerator(atPath: base) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") { continue }
                guard extensions.contains((relative as NSString).pathExtension.lowercased()) else { continue }
                let path = (base as NSString).appendingPathComponent(relative)
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                found.append(Found(path: path, originalFilePath: normalized((folder as NSString).appendingPathComponent(relative)),
                                   resourcePath: relative))
            }
        }
        return found.sorted { $0.originalFilePath < $1.originalFilePath }
    }

    /// `./models/x.sql` → `models/x.sql`.
    private static func normalized(_ path: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        return path
    }

    /// Reads a file as UTF-8 text, or reports why it cannot.
    static func read(_ path: String, shownAs shown: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DBTError(.project, "cannot read \(shown)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DBTError(.project, "\(shown) is not valid UTF-8", at: FileLocation(path: shown, line: 1, column: 1))
        }
        return text
    }
}
