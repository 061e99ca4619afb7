/// A `{% docs name %}` block of a `.md` file under a package's `docs-paths`, rendered once.
public struct DocBlock: Sendable {
    /// `doc.<package>.<name>`.
    public var uniqueID: String
    public var name: String
    public var packageName: String
    /// The file relative to its docs folder (`staging/orders.md`).
    public var path: String
    /// The file relative to the package root (`models/staging/orders.md`).
    public var originalFilePath: String
    /// The block's body rendered with an empty context, surrounding whitespace removed (dbt's `block_contents`).
    public var blockContents: String
    /// Where the block starts, for messages.
    public var definedAt: FileLocation
}
