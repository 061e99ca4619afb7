import Jinja

extension PackageInfo {
    /// Each package's own `vars:`, rendered with `context`, by package name (the root project's are not included).
    static func ownVars(of packages: [PackageInfo], templates: Jinja.Environment,
                        context: [String: Value]) throws -> [String: [(key: String, value: ConfigValue)]] {
        var result: [String: [(key: String, value: ConfigValue)]] = [:]
        for package in packages where !package.isRoot {
            if case .dict(let pairs)? = try package.project.vars?.rendered(templates, context) { result[package.name] = pairs }
        }
        return result
    }
}
