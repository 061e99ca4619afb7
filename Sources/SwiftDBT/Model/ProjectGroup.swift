/// A `groups:` entry of a property file: a name, an owner, and the nodes whose `group` config names it.
public struct ProjectGroup: Sendable {
    /// `group.<package>.<name>`.
    public var uniqueID: String
    public var name: String
    public var packageName: String
    /// The property file, relative to the package root.
    public var originalFilePath: String
    /// `owner:` as written (`name`, `email` and any other keys).
    public var owner: ConfigValue
    public var description: String?
    public var meta: ConfigValue
}
