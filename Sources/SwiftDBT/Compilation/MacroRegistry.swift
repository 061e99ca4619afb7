/// Every macro a project can call, with dbt's rules for finding one by name.
///
/// An unqualified call from a node of package P looks in P, then the root project, then the
/// built-in `dbt` namespace. `adapter.dispatch` searches the packages named in `dispatch:`
/// (default: the root project, then the macro's own namespace) for `<adapter>__name`, then `default__name`.
public struct MacroRegistry: Sendable {
    /// The namespace of swiftdbt's built-in macros.
    public static let internalPackage = "dbt"

    public let rootPackage: String
    public let adapterType: String
    private let packages: [String: [String: MacroEntry]]
    /// The root project's macros over swiftdbt's: what `resolve` finds from either, and after a package's own.
    private let resolvableFromRoot: [String: MacroEntry]
    private let dispatchOrder: [String: [String]]

    public init(macros: [MacroEntry], rootPackage: String, adapterType: String,
                dispatch: [(macroNamespace: String, searchOrder: [String])]) {
        var packages: [String: [String: MacroEntry]] = [:]
        for macro in macros { packages[macro.packageName, default: [:]][macro.name] = macro }
        self.packages = packages
        // Made once: a node's macro dependencies resolve every name its template reads, which asked each package in turn.
        resolvableFromRoot = (packages[MacroRegistry.internalPackage] ?? [:]).merging(packages[rootPackage] ?? [:]) { _, root in root }
        self.rootPackage = rootPackage
        self.adapterType = adapterType
        self.dispatchOrder = Dictionary(dispatch.map { ($0.macroNamespace, $0.searchOrder) }, uniquingKeysWith: { a, _ in a })
    }

    /// The packages that have macros.
    public var packageNames: [String] { packages.keys.sorted() }

    /// A macro of one package.
    public func macro(_ name: String, in package: String) -> MacroEntry? { packages[package]?[name] }

    /// The macro an unqualified call to `name` reaches from a node or macro of `package`: the package's own, then the
    /// root project's, then swiftdbt's. From swiftdbt's own macros the root project's come first, so a project's
    /// macro of a built-in name (`create_table_as`) replaces it for the built-in macros that call it too, as in dbt.
    public func resolve(_ name: String, from package: String) -> MacroEntry? {
        if package != rootPackage, package != MacroRegistry.internalPackage, let own = packages[package]?[name] { return own }
        return resolvableFromRoot[name]
    }

    /// The implementation `adapter.dispatch(name, macro_namespace:)` picks.
    public func dispatch(_ name: String, namespace: String?) -> MacroEntry? {
        for package in dispatchSearchOrder(namespace) {
            for prefix in [adapterType, "default"] {
                if let found = macro("\(prefix)__\(name)", in: package) { return found }
            }
        }
        return nil
    }

    /// Where `dispatch` looks, in order.
    public func dispatchSearchOrder(_ namespace: String?) -> [String] {
        let namespace = namespace ?? MacroRegistry.internalPackage
        if let order = dispatchOrder[namespace] {
            return order.contains(namespace) ? order : order + [namespace]
        }
        var order = [rootPackage]
        if namespace != rootPackage { order.append(namespace) }
        if namespace != MacroRegistry.internalPackage { order.append(MacroRegistry.internalPackage) }
        return order
    }

    /// The names of every macro of `package`.
    public func names(in package: String) -> [String] { packages[package].map { Array($0.keys) } ?? [] }
}
