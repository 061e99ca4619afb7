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
            if let problem = refusal(written, resolved: resolved, root: root, sources: sources) {
                errors.append(DBTError(.project, "refusing to clean '\(written.replacingOccurrences(of: "\0", with: "\\0"))': " + problem,
                                       at: location, sourceLine: text.flatMap { SourceText.line(location.line, of: $0) }))
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

    /// Why the target written as `written`, resolving to `resolved`, must not be deleted; nil when it may be.
    private static func refusal(_ written: String, resolved: String, root: String, sources: [String]) -> String? {
        if written.utf8.contains(0) {
            return "a path cannot hold a NUL character"
        }
        if !PathText.isStrictlyInside(resolved, root) {
            return "it resolves to \(resolved), which is not inside the project folder \(root)"
        }
        if let source = sources.first(where: { $0 == resolved || PathText.isStrictlyInside($0, resolved) }) {
            return "it holds the project's source folder \(source)"
        }
        return nil
    }
}
