import Foundation

/// `swiftdbt compile`: compiles the selected models, tests and analyses and writes their SQL
/// under `target/compiled/`, then the manifest with the compiled code.
public enum CompileTask {
    /// Compiles `selected` (unique IDs) in parallel; failures are collected, not thrown one by one.
    /// Templates that ask the database share `runtime`'s connection, opened by the first that asks.
    /// Returns the SQL of each compiled node.
    public static func run(_ loaded: LoadedProject, selected: [String], runtime: DatabaseRuntime? = nil) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try results(loaded, selected: selected, runtime: runtime).compactMap { result in
            result.compiledCode.map { (result.uniqueID, $0) }
        })
    }

    /// What `results` needs besides the selection, each made on a thread of its own from the moment this is created:
    /// the manifest's sections after its nodes, and the table `ref()` resolves against. `compile` starts them before
    /// selecting, which keeps the main thread (on 10,000 models, longer than the tail alone kept the other core).
    public struct Prepared: Sendable {
        let manifestTail: ManifestWriter.Tail
        let resolver: BackgroundValue<ReferenceResolver>

        public init(_ loaded: LoadedProject) {
            manifestTail = ManifestWriter.Tail(loaded)
            let (manifest, session) = (loaded.manifest, loaded.session)
            resolver = BackgroundValue { Compiler.makeResolver(manifest: manifest, session: session) }
        }
    }

    /// As `run`, with each selected node's result as dbt's `compile` writes it in `run_results.json`: `success`,
    /// timed, with its SQL and relation (a seed is listed, with no SQL). `prepared`: when the caller started it
    /// before selecting.
    public static func results(_ loaded: LoadedProject, selected: [String], runtime: DatabaseRuntime? = nil,
                               prepared: Prepared? = nil) throws -> [NodeResult] {
        let compiler = Compiler(session: loaded.session, manifest: loaded.manifest, runtime: runtime,
                                flags: InvocationFlags(which: "compile", selectedResources: selected), resolver: prepared?.resolver.value)
        let paths = TargetPaths(loaded.session.project)
        let dialect = loaded.session.dialect
        // Positions: each node is copied once, where it is compiled, rather than into a filtered array.
        let manifest = loaded.manifest
        let positions = selected.compactMap { manifest.position(of: $0) }
        var results = ParallelMap.map(positions) { index -> Result<NodeResult, DBTError>? in
            let node = manifest.nodes[index]
            let started = Date()
            var result = NodeResult(uniqueID: node.uniqueID, status: .success, message: "", startedAt: started,
                                    compiledAt: started, completedAt: started, relationName: node.relation.map(dialect.render))
            guard node.resourceType != .seed else { return .success(result) }
            do {
                let sql = try compiler.compile(node)
                result.compiledAt = Date()
                try TargetPaths.write(sql, to: paths.compiled(node))
                result.compiledCode = sql
                result.completedAt = Date()
                return .success(result)
            } catch let error as DBTError {
                return .failure(error)
            } catch {
                return .failure(DBTError(.compilation, "\(error)", at: node.definedAt))
            }
        }
        var compiled: [NodeResult] = []
        compiled.reserveCapacity(results.count)
        var errors: [DBTError] = []
        // Each node's SQL by its position in the manifest, for the manifest's entries.
        var code = [String?](repeating: nil, count: manifest.nodes.count)
        for (offset, position) in positions.enumerated() {
            // Taken out of `results`, not copied: a copy would retain every field of the result.
            switch results[offset].take() {
            case .success(let node)?:
                code[position] = node.compiledCode
                compiled.append(node)
            case .failure(let error)?: errors.append(error)
            case nil: break
            }
        }
        try ManifestWriter.write(loaded, compiled: code, tail: prepared?.manifestTail)
        guard errors.isEmpty else { throw DBTErrors(errors) }
        return compiled
    }
}
