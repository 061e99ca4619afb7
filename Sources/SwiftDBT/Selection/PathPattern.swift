/// A `path:` value matched the way dbt's `Path.glob` from the project root finds files and folders: per path
/// segment wildcards, `**` for any number of folders. A node matches when its file, or a folder holding it,
/// matches the pattern.
struct PathPattern: Sendable {
    private enum Segment: Sendable {
        case name(WildcardPattern)
        case anyFolders
    }

    private let segments: [Segment]

    /// `./models/staging/` reads as `models/staging`; `.` or an empty pattern is the project root.
    init(_ pattern: String) {
        segments = pattern.split(separator: "/").filter { $0 != "." }.map {
            $0 == "**" ? .anyFolders : .name(WildcardPattern(String($0)))
        }
    }

    /// Whether the pattern matches the whole of some leading part of `path` (a relative file path).
    func contains(_ path: String) -> Bool {
        let parts = path.split(separator: "/").filter { $0 != "." }.map(String.init)
        var reachable = Array(repeating: false, count: parts.count + 1)
        reachable[0] = true
        for segment in segments {
            var next = Array(repeating: false, count: parts.count + 1)
            switch segment {
            case .anyFolders:
                if let first = reachable.firstIndex(of: true) {
                    for end in first...parts.count { next[end] = true }
                }
            case .name(let pattern):
                for end in 0..<parts.count where reachable[end] && pattern.matches(parts[end]) {
                    next[end + 1] = true
                }
            }
            reachable = next
        }
        return reachable.contains(true)
    }
}
