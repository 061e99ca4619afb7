/// Refuses, when the project loads, a model whose `materialized` names a materialization that
/// neither swiftdbt nor a `{% materialization %}` block of the project or its packages defines for
/// the target's adapter: an error at the config's line, before anything runs.
enum MaterializationCheck {
    static func errors(in manifest: Manifest, session: CompileSession) -> [DBTError] {
        var known: [String: Bool] = [:]
        var errors: [DBTError] = []
        // Fields read in place: a copy of every node would retain all of its values.
        for index in manifest.nodes.indices where manifest.nodes[index].resourceType == .model {
            let name = manifest.nodes[index].config.materialized
            let found = known[name] ?? (session.macros.materialization(
                name, adapterBuiltins: session.dialect.adapterMaterializations,
                allowPackageOverrides: session.project.allowsPackageMaterializationOverrides) != nil)
            known[name] = found
            guard !found else { continue }
            let node = manifest.nodes[index]
            let (location, line) = node.configLine("materialized")
            errors.append(DBTError(.project, "No materialization '\(name)' was found for adapter \(session.dialect.type)! "
                                   + "(searched types 'default' and '\(session.dialect.type)'; model \(node.name))",
                                   at: location, sourceLine: line))
        }
        return errors
    }
}
