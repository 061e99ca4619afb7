import Jinja

/// A foreign key constraint's `to` (dbt 1.9+: `ref('customers')` or `source('app', 'users')`): the node
/// depends on what it names, and the constraint's DDL names that relation, as dbt-core resolves it.
extension ManifestBuilder {
    mutating func linkConstraintTargets() {
        // Most projects have none: no lookup tables are built for them.
        let linked = { (constraint: ModelConstraint) in constraint.kind == .foreignKey && constraint.to != nil }
        guard nodes.indices.contains(where: { index in
            nodes[index].constraints.contains(where: linked) || nodes[index].columns.contains { $0.constraints.contains(where: linked) }
        })
        else { return }
        let byName = refableByName()
        let relations = Dictionary(nodes.compactMap { node in node.relation.map { (node.uniqueID, $0) } }, uniquingKeysWith: { a, _ in a })
        for index in nodes.indices where nodes[index].resourceType == .model {
            let node = nodes[index]
            var dependsOn = node.dependsOn
            let resolve = { (builder: inout ManifestBuilder, constraint: ModelConstraint) -> ModelConstraint in
                guard constraint.kind == .foreignKey, let text = constraint.to,
                      let target = builder.target(of: text, from: node, byName: byName, relations: relations, at: constraint.location)
                else { return constraint }
                if !dependsOn.contains(target.uniqueID) { dependsOn.append(target.uniqueID) }
                var resolved = constraint
                resolved.resolvedTo = builder.session.dialect.render(target.relation)
                return resolved
            }
            var columns = node.columns
            for column in columns.indices {
                columns[column].constraints = columns[column].constraints.map { resolve(&self, $0) }
            }
            let constraints = node.constraints.map { resolve(&self, $0) }
            nodes[index].columns = columns
            nodes[index].constraints = constraints
            nodes[index].dependsOn = dependsOn
        }
    }

    /// The node or source a `to` text names, with its relation; nil (and an error) when it names none.
    private mutating func target(of text: String, from node: ProjectNode, byName: [String: [Refable]],
                                 relations: [String: RelationName], at location: FileLocation) -> (uniqueID: String, relation: RelationName)? {
        let calls = ConstraintCalls()
        let context: [String: Value] = [
            "ref": .function("ref") { arguments, _ in
                let names = arguments.positional.map(\.str)
                calls.named.append(.ref(package: names.count > 1 ? names[0] : nil, name: names.last ?? ""))
                return .string("")
            },
            "source": .function("source") { arguments, _ in
                calls.named.append(.source(arguments.value(0, "source_name")?.str ?? "", arguments.value(1, "table_name")?.str ?? ""))
                return .string("")
            },
        ]
        let syntax = DBTError(.project, "Invalid 'ref' or 'source' syntax on foreign key constraint 'to' on model \(node.name): \(text).",
                              at: location)
        guard (try? session.templates.render("{{ \(text) }}", context, name: location.path)) != nil, calls.named.count == 1 else {
            errors.append(syntax)
            return nil
        }
        switch calls.named[0] {
        case .ref(let package, let name):
            guard let chosen = ManifestBuilder.chosen(byName[name] ?? [], named: package, calledFrom: node.packageName,
                                                      root: session.project.name),
                  let relation = relations[chosen.uniqueID] else {
                errors.append(DBTError(.project, "model '\(node.name)' has a foreign key to a node named '\(name)' which was not found",
                                       at: location))
                return nil
            }
            return (chosen.uniqueID, relation)
        case .source(let source, let table):
            guard let found = sources.first(where: { $0.sourceName == source && $0.name == table }) else {
                errors.append(DBTError(.project, "model '\(node.name)' has a foreign key to source '\(source).\(table)' which was not found",
                                       at: location))
                return nil
            }
            return (found.uniqueID, found.relation)
        }
    }

    /// What the `ref()` and `source()` calls of a `to` text named.
    private final class ConstraintCalls {
        enum Named { case ref(package: String?, name: String), source(String, String) }
        var named: [Named] = []
    }
}
