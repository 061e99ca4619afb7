extension PropertyFileParser {
    /// A model's `time_spine:` (dbt 1.10): `standard_granularity_column` and `custom_granularities` (each a `name`
    /// and an optional `column_name`), as the value dbt's graph and manifest give (nil when not written).
    static func timeSpine(_ entry: YAMLNode) throws -> ConfigValue? {
        guard let spine = entry["time_spine"], !spine.isNull else { return nil }
        guard spine.isMapping else {
            throw DBTError(.project, "'time_spine' must be a mapping, not \(spine.value.kindDescription)", at: spine.location)
        }
        guard let standard = try optionalText(spine, "standard_granularity_column") else {
            throw DBTError(.project, "'time_spine' needs a 'standard_granularity_column'", at: spine.location)
        }
        let custom = try list(spine, "custom_granularities").map { granularity -> ConfigValue in
            .dict([("name", .string(try name(of: granularity, "custom granularity"))),
                   ("column_name", try optionalText(granularity, "column_name").map(ConfigValue.string) ?? .null)])
        }
        return .dict([("standard_granularity_column", .string(standard)), ("custom_granularities", .list(custom))])
    }
}
