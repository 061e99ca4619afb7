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

    /// The macros a template reads by name (as `of(_:package:macros:)`) or as a package's attribute
    /// (`dbt_utils.star`, `dbt.type_boolean`), sorted; `is_incremental`, which swiftdbt answers itself, is dbt's macro.
    static func of(_ template: Template, package: String, macros: MacroRegistry) -> [String] {
        var found = Set(template.namesRead.compactMap { macros.resolve($0, from: package)?.uniqueID })
        for attribute in template.attributesRead {
            let parts = ASCIIText.split(attribute, ".", maxSplits: 1)
            guard parts.count == 2, let macro = macros.macro(parts[1], in: parts[0]) else { continue }
            found.insert(macro.uniqueID)
        }
        if template.namesRead.contains("is_incremental"), macros.resolve("is_incremental", from: package) == nil {
            found.insert("macro.\(MacroRegistry.internalPackage).is_incremental")
        }
        return found.sorted()
    }

    /// The macros a node's template calls; for a generic test, its test macro, then `get_where_subquery`, which its
    /// `model` argument calls (as dbt: not for dbt's own `unique` and `not_null`, which dbt parses without rendering).
    private static func of(template: Template?, test: TestMetadata?, package: String, macros: MacroRegistry) -> [String] {
        if let template { return of(template, package: package, macros: macros) }
        guard let test else { return [] }
        let name = "test_" + test.name
        guard let found = test.namespace.flatMap({ macros.resolve(name, from: $0) }) ?? macros.resolve(name, from: package) else {
            return []
        }
        guard !["macro.dbt.test_unique", "macro.dbt.test_not_null"].contains(found.uniqueID),
              let whereSubquery = macros.resolve("get_where_subquery", from: package) else { return [found.uniqueID] }
        return [found.uniqueID, whereSubquery.uniqueID]
    }
}
