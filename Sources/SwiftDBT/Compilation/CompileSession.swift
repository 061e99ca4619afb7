import Foundation
import Jinja

/// What every render of one invocation shares: the project, its target and adapter dialect,
/// the macros, vars and the invocation's identity. Immutable, so renders run in parallel.
public final class CompileSession: Sendable {
    public let project: ProjectFile
    /// Every package (the root project first) by name, with its root folder.
    public let packageRoots: [String: String]
    public let target: Target
    public let dialect: any Dialect
    public let macros: MacroRegistry
    public let templates: Jinja.Environment
    /// `--vars`, overriding everything.
    public let cliVars: [(key: String, value: ConfigValue)]
    /// `vars:` of `dbt_project.yml`, rendered: globals, plus per-package scopes.
    public let projectVars: [(key: String, value: ConfigValue)]
    /// Each package's own `vars:` (from its `dbt_project.yml`), rendered, by package name.
    public let packageVars: [String: [(key: String, value: ConfigValue)]]
    public let invocationID: String
    public let runStartedAt: Date
    public let environmentVariables: [String: String]
    /// Receives `log()`, `print()` and `exceptions.warn()` lines.
    public let log: @Sendable (String) -> Void
    /// Whether `adapter.dispatch('get_where_subquery', 'dbt')` reaches the built-in `default__` macro.
    let dispatchesBuiltinWhereSubquery: Bool
    /// The built-in generic tests nothing overrides, compiled without the template engine.
    let unchangedBuiltinTests: Set<String>
    /// The built-in materializations the runner builds in Swift (`BuiltinMaterializations`) rather than with their macros.
    let swiftMaterializations: Set<String>
    /// Whether the run's relation cache lists schemas in Swift, not with `list_relations_without_caching` (`RelationListing`).
    let listsRelationsInSwift: Bool
    /// Relation names as `dialect` prints them.
    let relationTexts = RelationTexts()
    /// The parts of relation names the project's `quoting:` leaves unquoted are written bare; nil: all quoted.
    let quoting: RelationObject.Parts?

    public init(project: ProjectFile, packageRoots: [String: String], target: Target, dialect: any Dialect,
                macros: MacroRegistry, templates: Jinja.Environment, cliVars: [(key: String, value: ConfigValue)],
                projectVars: [(key: String, value: ConfigValue)],
                packageVars: [String: [(key: String, value: ConfigValue)]] = [:], invocationID: String, runStartedAt: Date,
                environmentVariables: [String: String], log: @escaping @Sendable (String) -> Void) {
        self.project = project
        self.packageRoots = packageRoots
        self.target = target
        self.dialect = dialect
        self.macros = macros
        self.templates = templates
        self.cliVars = cliVars
        self.projectVars = projectVars
        self.packageVars = packageVars
        self.invocationID = invocationID
        self.runStartedAt = runStartedAt
        self.environmentVariables = environmentVariables
        self.log = log
        let policy = project.quoting.applied(to: .all)
        quoting = policy == .all ? nil : policy
        let whereSubquery = macros.dispatch("get_where_subquery", namespace: "dbt")
        dispatchesBuiltinWhereSubquery = whereSubquery?.packageName == MacroRegistry.internalPackage
            && whereSubquery?.name == "default__get_where_subquery"
        unchangedBuiltinTests = BuiltinGenericTests.unchanged(in: macros)
        swiftMaterializations = BuiltinMaterializations.inSwift(macros: macros, environment: environmentVariables)
            .intersection(dialect.fastPathMaterializations)
        listsRelationsInSwift = BuiltinMaterializations.listsRelationsInSwift(macros: macros, environment: environmentVariables)
    }

    /// `relation` as SQL and the manifest's `relation_name` write it, under the project's `quoting:`.
    func render(_ relation: RelationName) -> String {
        guard let quoting else { return dialect.render(relation) }
        return dialect.render(relation, quoting: quoting)
    }

    /// A source table's `relation_name`: as dbt, its own `quoting:` over the project's (`{{ source() }}` has its
    /// own over the adapter's alone).
    func render(_ source: SourceTable) -> String {
        guard source.quoting != QuotingConfig() else { return render(source.relation) }
        return dialect.render(source.relation, quoting: source.quoting.applied(to: quoting ?? .all))
    }

    /// `var(name)` as seen from `package`, as dbt looks it up: `--vars`, then the root project's `vars:`
    /// (the package's scope, then global), then the package's own `vars:` (its scope, then global).
    public func variable(_ name: String, package: String) -> ConfigValue? {
        if let value = cliVars.last(where: { $0.key == name })?.value { return value }
        if let value = CompileSession.lookUp(name, package: package, in: projectVars, packageRoots: packageRoots) { return value }
        guard package != project.name, let own = packageVars[package] else { return nil }
        return CompileSession.lookUp(name, package: package, in: own, packageRoots: packageRoots)
    }

    /// `name` in one project's `vars:`: the package's scope first, then the global vars (package scopes are not vars).
    private static func lookUp(_ name: String, package: String, in vars: [(key: String, value: ConfigValue)],
                               packageRoots: [String: String]) -> ConfigValue? {
        if let scoped = vars.last(where: { $0.key == package })?.value, let value = scoped[name] { return value }
        guard packageRoots[name] == nil else { return nil }
        return vars.last(where: { $0.key == name })?.value
    }
}
