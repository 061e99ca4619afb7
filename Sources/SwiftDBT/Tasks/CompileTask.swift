import Foundation

/// `swiftdbt compile`: compiles the selected models, tests and analyses and writes their SQL
/// under `target/compiled/`, then the manifest with the compiled code.
public enum CompileTask {
    /// Compiles `selected` (unique IDs) in parallel; failures are collected, not thrown one by one.
    /// Templates that ask the database share `runtime`'s connection, opened by the first that asks.
    public static func run(_ loaded: LoadedProject, selected: [String], runtime: DatabaseRuntime? = nil) throws -> [String: String] {
        let compiler = Compiler(session: loaded.session, manifest: loaded.manifest, runtime: runtime,
                                flags: InvocationFlags(which: "compile", selectedResources: selected))
        let paths = TargetPaths(loaded.session.project)
        // Positions: each node is copied once, where it is compiled, rather than into two filtered arrays and the map.
        let manifest = loaded.manifest
        let positions = selected.compactMap { manifest.position(of: $0) }.filter { manifest.nodes[$0].resourceType != .seed }
        let results = ParallelMap.map(positions) { index -> Result<(String, String), DBTError> in
            let node = manifest.nodes[index]
            do {
                let sql = try compiler.compile(node)
                try TargetPaths.write(sql, to: paths.compiled(node))
                return .success((node.uniqueID, sql))
            } catch let error as DBTError {
                return .failure(error)
            } catch {
                return .failure(DBTError(.compilation, "\(error)", at: node.definedAt))
            }
        }
        var compiled: [String: String] = [:]
        var errors: [DBTError] = []
        for result in results {
            switch result {
            case .success(let (id, sql)): compiled[id] = sql
            case .failure(let error): errors.append(error)
            }
        }
        try ManifestWriter.write(loaded, compiled: compiled)
        guard errors.isEmpty else { throw DBTErrors(errors) }
        return compiled
    }
}
