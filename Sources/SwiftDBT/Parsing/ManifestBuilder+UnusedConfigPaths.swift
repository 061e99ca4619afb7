/// dbt's warning for the root project's `dbt_project.yml` config paths that reach no resource.
extension ManifestBuilder {
    /// The trees checked and their names in the warning, in dbt's order. Exposures, metrics, semantic models, saved
    /// queries and unit tests are not checked (their trees are never reported).
    private static let checkedTrees: [(type: ResourceType, name: String)] = [
        (.model, "models"), (.seed, "seeds"), (.snapshot, "snapshots"), (.source, "sources"), (.test, "data_tests"),
    ]

    /// Warns, as dbt does after loading, of each config path (a scope holding a config) under which no enabled
    /// resource of its tree and no disabled node lies; an analysis is not a model there, as in dbt.
    func warnUnusedConfigPaths() {
        let disabledFQNs = disabled.map(\.fqn)
        var unused: [String] = []
        for (type, name) in ManifestBuilder.checkedTrees {
            guard let tree = session.project.configTrees[type] else { continue }
            let fqns = (type == .source ? sources.map(\.fqn) : nodes.filter { $0.resourceType == type }.map(\.fqn)) + disabledFQNs
            for path in ManifestBuilder.configPaths(tree) where !fqns.contains(where: { $0.starts(with: path) }) {
                unused.append(([name] + path).joined(separator: "."))
            }
        }
        guard !unused.isEmpty else { return }
        session.log("[WARNING]: Configuration paths exist in your dbt_project.yml file which do not apply to any resources.\n"
                    + "There are \(unused.count) unused configuration paths:\n" + unused.map { "- " + $0 }.joined(separator: "\n"))
    }

    /// The scopes of a config tree that hold a config (a `+` key or a value that is not a mapping), outermost first;
    /// walked with a stack, however deep the file nests.
    private static func configPaths(_ tree: YAMLNode) -> [[String]] {
        var paths: [[String]] = []
        var pending: [(path: [String], node: YAMLNode)] = [([], tree)]
        while let (path, node) = pending.popLast() {
            var scopes: [(path: [String], node: YAMLNode)] = []
            var holdsConfig = false
            for (key, value) in node.entries {
                if value.isMapping && !key.hasPrefix("+") { scopes.append((path + [key], value)) } else { holdsConfig = true }
            }
            if holdsConfig { paths.append(path) }
            pending += scopes.reversed()
        }
        return paths
    }
}
