import Jinja

/// A macro of a project, a package or the built-in `dbt` namespace.
public struct MacroEntry: Sendable {
    /// `macro.<package>.<name>`.
    public var uniqueID: String
    public var name: String
    public var packageName: String
    public var originalFilePath: String
    public var definition: MacroDefinition
    /// From a `macros:` property entry: the rendered description, the documented arguments and that file.
    public var description = ""
    public var arguments: [MacroArgument] = []
    public var patchPath: String?
}

/// An argument of a macro as its `macros:` property entry documents it.
public struct MacroArgument: Sendable {
    public var name: String
    public var type: String?
    public var description: String
    /// Where `description:` is written, for errors while rendering it.
    var descriptionAt: FileLocation?
}
