/// A `quoting:` setting — dbt_project.yml's, a source's or a source table's: for each part of a relation name,
/// quoted (true), written bare (false) or not set (nil: the setting beneath it decides).
public struct QuotingConfig: Sendable, Equatable {
    public var database: Bool?
    public var schema: Bool?
    public var identifier: Bool?
    /// `column`: kept for the manifest; it is not a part of a relation name.
    public var column: Bool?

    public init(database: Bool? = nil, schema: Bool? = nil, identifier: Bool? = nil, column: Bool? = nil) {
        self.database = database
        self.schema = schema
        self.identifier = identifier
        self.column = column
    }

    /// Reads a `quoting:` mapping: `database`, `schema`, `identifier` and `column`, each true, false or unset.
    /// Absent or null sets nothing; any other kind is an error.
    static func parse(_ value: ConfigValue?, at location: FileLocation?) throws -> QuotingConfig {
        guard let value, value != .null else { return QuotingConfig() }
        guard case .dict = value else {
            throw DBTError(.project, "'quoting' must be a mapping, not \(value.kindDescription)", at: location)
        }
        func part(_ key: String) throws -> Bool? {
            guard let flag = value[key], flag != .null else { return nil }
            guard let bool = flag.boolValue else {
                throw DBTError(.project, "'quoting: \(key)' must be true or false", at: location)
            }
            return bool
        }
        return QuotingConfig(database: try part("database"), schema: try part("schema"), identifier: try part("identifier"),
                             column: try part("column"))
    }

    /// This setting's parts over `beneath`'s, as a source table's `quoting:` over its source's.
    func over(_ beneath: QuotingConfig) -> QuotingConfig {
        QuotingConfig(database: database ?? beneath.database, schema: schema ?? beneath.schema,
                      identifier: identifier ?? beneath.identifier, column: column ?? beneath.column)
    }

    /// The quote policy of this setting over `policy`.
    func applied(to policy: RelationObject.Parts) -> RelationObject.Parts {
        RelationObject.Parts(database: database ?? policy.database, schema: schema ?? policy.schema,
                             identifier: identifier ?? policy.identifier)
    }

    /// As the manifest writes it (a source's `quoting`): every key, null when unset.
    var manifestValue: ConfigValue {
        .dict([("database", database.map(ConfigValue.bool) ?? .null), ("schema", schema.map(ConfigValue.bool) ?? .null),
               ("identifier", identifier.map(ConfigValue.bool) ?? .null), ("column", column.map(ConfigValue.bool) ?? .null)])
    }
}
