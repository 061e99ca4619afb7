import Jinja

/// A macro of a project, a package or the built-in `dbt` namespace.
public struct MacroEntry: Sendable {
    /// `macro.<package>.<name>`.
    public var uniqueID: String
    public var name: String
    public var packageName: String
    public var originalFilePath: String
    public var definition: MacroDefinition
}
