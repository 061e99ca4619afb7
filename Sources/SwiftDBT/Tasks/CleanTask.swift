import Foundation

/// `clean`: deletes the project's `clean-targets`. Every target is checked before any is deleted:
/// each must resolve (after `..` and symbolic links) to a path strictly inside the project folder,
/// and must not be or hold one of the project's source folders (models, seeds, macros, tests, ...).
/// A target that does not exist is skipped.
public enum CleanTask {
    /// Deletes the targets; returns those that existed and were deleted, as written.
    /// Throws every refused target at once, having deleted nothing.
    public static func run(_ project: ProjectFile) throws -> [String] {
        let root = PathText.resolved(".", relativeTo: project.root)
        let sources = (project.modelPaths + project.seedPaths + project.macroPaths + project.testPaths
            + project.analysisPaths + project.snapshotPaths).map { PathText.resolved($0, relativeTo: root) }
        let text = try? String(contentsOfFile: project.path, encoding: .utf8)
        var errors: [DBTError] = []
        var deletions: [(written: String, resolved: String)] = []
        for (written, location) in project.cleanTargets {
            let resolved = PathText.resolved(written, relativeTo: root)
            var problem: String?
            if written.utf8.contains(0) {
                problem = "refusing to clean '\(written.replacingOccurrences(of: "\0", with: "\\0"))': a path cannot hold a NUL character"
            } else if !PathText.isStrictlyInside(resolved, root) {
                problem = "refusing to clean '\(written)': it resolves to \(resolved), which is not inside the project folder \(root)"
            } else if let source = sources.first(where: { $0 == resolved || PathText.isStrictlyInside($0, resolved) }) {
                problem = "refusing to clean '\(written)': it holds the project's source folder \(source)"
            }
            if let problem {
                errors.append(DBTError(.project, problem, at: location,
                                       sourceLine: text.flatMap { SourceText.line(location.line, of: $0) }))
            } else {
                deletions.append((written, resolved))
            }
        }
        guard errors.isEmpty else { throw DBTErrors(errors) }
        var deleted: [String] = []
        for (written, resolved) in deletions where FileManager.default.fileExists(atPath: resolved) {
            do {
                try FileManager.default.removeItem(atPath: resolved)
            } catch {
                throw DBTError(.project, "cannot delete \(resolved): \(error.localizedDescription)")
            }
            deleted.append(written)
        }
        return deleted
    }
}
