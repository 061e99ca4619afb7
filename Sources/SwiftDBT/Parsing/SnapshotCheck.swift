/// Refuses, when the project loads, a snapshot whose config dbt-core refuses (`SnapshotConfig`), or whose custom
/// strategy has no `snapshot_<name>_strategy` macro: an error at the config's line, before anything runs.
enum SnapshotCheck {
    static func errors(in manifest: Manifest, session: CompileSession) -> [DBTError] {
        var errors: [DBTError] = []
        // Only snapshots are copied out of the array.
        for index in manifest.nodes.indices where manifest.nodes[index].resourceType == .snapshot {
            let node = manifest.nodes[index]
            do {
                let config = try SnapshotConfig(node.config)
                if case .custom(let name) = config.strategy, !hasStrategyMacro(name, for: node, session: session) {
                    let (location, line) = node.configLine("strategy")
                    errors.append(DBTError(.project, "The specified strategy macro '\(name)' was not found: no macro "
                                           + "snapshot_\(name.split(separator: ".").last ?? "")_strategy (snapshot \(node.name))",
                                           at: location, sourceLine: line))
                }
            } catch {
                let (location, line) = node.configLine(error.key)
                errors.append(DBTError(.project, "\(error.message) (snapshot \(node.name))", at: location, sourceLine: line))
            }
        }
        return errors
    }

    /// Whether `snapshot_<name>_strategy` exists for the node (`package.name`: in that package).
    private static func hasStrategyMacro(_ name: String, for node: ProjectNode, session: CompileSession) -> Bool {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        let macroName = "snapshot_\(parts.last ?? name)_strategy"
        if parts.count == 2 { return session.macros.macro(macroName, in: parts[0]) != nil }
        return session.macros.resolve(macroName, from: node.packageName) != nil
    }
}
