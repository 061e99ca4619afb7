/// `--defer`: a `ref()` to a node this invocation does not build reads the relation an earlier
/// invocation (`--state`) built, where the current target has none of its own, or always with
/// `--favor-state` (dbt's rule). On SQLite the state's schema files are attached to read them.
public enum Deferral {
    /// `loaded` with each deferred node's relation replaced by the state's, and the unique IDs deferred.
    public static func apply(_ loaded: LoadedProject, state: StateManifest, selected: Set<String>, favorState: Bool,
                             connection: any DatabaseConnection) throws -> (loaded: LoadedProject, deferred: [String]) {
        var candidates: [(node: ProjectNode, relation: RelationName)] = []
        for node in loaded.manifest.nodes where !selected.contains(node.uniqueID) {
            guard let own = node.relation, let theirs = try state.checkedRelation(of: node.uniqueID), theirs != own else { continue }
            candidates.append((node, theirs))
        }
        guard !candidates.isEmpty else { return (loaded, []) }
        if !favorState {
            let schemas = Array(Set(candidates.compactMap { $0.node.relation?.schema })).sorted()
            let existing = Set(try connection.relations(inSchemas: schemas).keys.map { Place($0) })
            candidates.removeAll { candidate in candidate.node.relation.map { existing.contains(Place($0)) } ?? false }
        }
        // Reading the state's schemas makes them readable (SQLite attaches their files).
        _ = try connection.relations(inSchemas: Array(Set(candidates.compactMap { $0.relation.schema })).sorted())
        var manifest = loaded.manifest
        for (node, relation) in candidates {
            var deferred = node
            deferred.relation = relation
            manifest.update(deferred)
        }
        let result = LoadedProject(session: loaded.session, manifest: manifest, packages: loaded.packages,
                                   profileFile: loaded.profileFile, profileNotice: loaded.profileNotice)
        return (result, candidates.map(\.node.uniqueID))
    }

    /// A relation by schema and name (adapters that list relations leave the database out).
    private struct Place: Hashable {
        var schema: String?
        var identifier: String
        init(_ relation: RelationName) {
            schema = relation.schema
            identifier = relation.identifier
        }
    }
}
