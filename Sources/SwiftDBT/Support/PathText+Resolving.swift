import Foundation

extension PathText {
    /// `path` (absolute, or relative to `base`) as the file system reaches it: `.` and `..` applied and
    /// symbolic links followed, component by component, so `link/..` is the parent of the link's target.
    /// The part that exists is resolved by `realpath`; a missing rest is appended by its names.
    public static func resolved(_ path: String, relativeTo base: String) -> String {
        var current = path.utf8.first == slashByte ? "/" : (realPath(base) ?? base)
        for component in path.split(separator: "/") {
            switch component {
            case ".":
                continue
            case "..":
                current = deletingLastComponent(current)
                if current.isEmpty { current = "/" }
            default:
                let next = current == "/" ? "/" + component : current + "/" + component
                current = realPath(next) ?? next
            }
        }
        return current
    }

    /// Whether `path` lies strictly inside the folder `folder` (both already resolved).
    public static func isStrictlyInside(_ path: String, _ folder: String) -> Bool {
        path.hasPrefix(folder == "/" ? "/" : folder + "/") && path != folder
    }

    /// The canonical absolute path of an existing file, nil when it does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
