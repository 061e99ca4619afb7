import Jinja

/// The macros a template or macro depends on (`depends_on.macros` in the manifest): the names it
/// reads that name a macro, as the package's lookup resolves them (the package's own, the root
/// project's, then dbt's). Names are read from the template text, in every branch, whether or not
/// a render would reach them.
enum MacroDependencies {
    /// Unique IDs of the macros among `names`, sorted.
    static func of(_ names: Set<String>, package: String, macros: MacroRegistry) -> [String] {
        names.compactMap { macros.resolve($0, from: package)?.uniqueID }.sorted()
    }

    /// The macros each node calls, on every core. Nodes are read in place by position: a node handed to the
    /// map or to a function would be copied whole.
    static func of(_ nodes: [ProjectNode], macros: MacroRegistry) -> [[String]] {
        ParallelMap.map(Array(nodes.indices)) { index in
            of(template: nodes[index].template, test: nodes[index].test, package: nodes[index].packageName, macros: macros)
        }
    }

    /// The macros a node's template calls; for a generic test, its test macro.
    private static func of(template: Template?, test: TestMetadata?, package: String, macros: MacroRegistry) -> [String] {
        if let template { return of(template.namesRead, package: package, macros: macros) }
        guard let test else { return [] }
        let name = "test_" + test.name
        let found = test.namespace.flatMap { macros.resolve(name, from: $0) } ?? macros.resolve(name, from: package)
        return found.map { [$0.uniqueID] } ?? []
    }
}
