/// One table of a `sources:` entry in YAML.
public struct SourceTable: Sendable {
    public var uniqueID: String
    public var sourceName: String
    public var name: String
    public var packageName: String
    public var fqn: [String]
    public var originalFilePath: String
    public var relation: RelationName
    public var loader: String
    /// The description of the source the table belongs to.
    public var sourceDescription: String
    public var description: String
    public var columns: [ProjectNode.ColumnInfo]
    public var config: NodeConfig
    public var definedAt: FileLocation
    /// The table's `quoting:` over its source's.
    public var quoting = QuotingConfig()
}
