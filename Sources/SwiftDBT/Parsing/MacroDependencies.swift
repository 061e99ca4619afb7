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

    /// The macros a node's template calls; for a generic test, its test macro.
    static func of(_ node: ProjectNode, macros: MacroRegistry) -> [String] {
        if let template = node.template { return of(template.namesRead, package: node.packageName, macros: macros) }
        guard let test = node.test else { return [] }
        let name = "test_" + test.name
        let found = test.namespace.flatMap { macros.resolve(name, from: $0) } ?? macros.resolve(name, from: node.packageName)
        return found.map { [$0.uniqueID] } ?? []
    }
}
