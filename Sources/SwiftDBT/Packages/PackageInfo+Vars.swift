extension PackageInfo {
    /// Each package's own `vars:` as written, by package name (the root project's are not included): like the root's,
    /// they are rendered only when `var()` reads them, in the reading node's context, so a package's var may hold
    /// `{{ source('x', 'y') }}`, as dbt allows.
    static func ownVars(of packages: [PackageInfo]) -> [String: [(key: String, value: ConfigValue)]] {
        var result: [String: [(key: String, value: ConfigValue)]] = [:]
        for package in packages where !package.isRoot {
            if case .dict(let pairs)? = package.project.vars?.value { result[package.name] = pairs }
        }
        return result
    }
}
