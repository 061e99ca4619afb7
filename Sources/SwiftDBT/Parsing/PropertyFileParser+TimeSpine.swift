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

    /// dbt-core's checks of a time spine against the model's columns (its latest version's, when it has versions):
    /// the standard granularity column is one of them and has a `granularity`, each custom granularity's column
    /// (its `column_name`, else its name) is one of them.
    static func checkTimeSpine(of patch: PropertyFile.ResourcePatch, at location: FileLocation) throws {
        guard let spine = patch.timeSpine, let standard = spine["standard_granularity_column"]?.stringValue else { return }
        let columns = patch.columns(version: patch.latestVersion)
        let names = SemanticValidator.pythonList(columns.map(\.name))
        guard let column = columns.first(where: { $0.name == standard }) else {
            throw DBTError(.project, "Time spine standard granularity column must be defined on the model. Got invalid column name "
                           + "'\(standard)' for model '\(patch.name)'. Valid names\(patch.latestVersion == nil ? "" : " for latest version"): "
                           + "\(names).", at: location)
        }
        guard column.granularity != nil else {
            throw DBTError(.project, "Time spine standard granularity column must have a granularity defined. Please add one for column "
                           + "'\(standard)' in model '\(patch.name)'.", at: location)
        }
        guard case .list(let custom)? = spine["custom_granularities"] else { return }
        let missing = custom.compactMap { ($0["column_name"]?.stringValue ?? $0["name"]?.stringValue) }
            .filter { name in !columns.contains { $0.name == name } }
        if !missing.isEmpty {
            throw DBTError(.project, "Time spine custom granularity columns do not exist in the model. Columns not found: "
                           + "\(SemanticValidator.pythonList(missing)); Available columns: \(names)", at: location)
        }
    }

    /// A column's `granularity:`: one of MetricFlow's time grains, as dbt reads it.
    static func columnGranularity(_ column: YAMLNode) throws -> String? {
        guard let granularity = try optionalText(column, "granularity") else { return nil }
        guard SemanticValidator.granularities.contains(granularity) else {
            // dbt-core 1.10 fails with Python's error while reading the column.
            throw DBTError(.project, "ValueError: Invalid enum value: `\(granularity)` in enum TimeGranularity",
                           at: column["granularity"]?.location ?? column.location)
        }
        return granularity
    }
}
