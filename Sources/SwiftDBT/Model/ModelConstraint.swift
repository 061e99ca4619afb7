/// A `constraints:` entry of a model or of one of its columns, as dbt-core parses it: a `type`, an
/// optional `name` and `expression`, a foreign key's parent as `to`/`to_columns` (dbt 1.9+), the
/// `columns` of a model-level constraint, and whether dbt warns when the database does not enforce
/// (`warn_unenforced`) or support (`warn_unsupported`) it.
public struct ModelConstraint: Sendable {
    /// dbt's constraint types.
    public enum Kind: String, Sendable, CaseIterable {
        case check, notNull = "not_null", unique, primaryKey = "primary_key", foreignKey = "foreign_key", custom
    }

    public var kind: Kind
    public var name: String?
    public var expression: String?
    public var to: String?
    public var toColumns: [String]
    /// The columns of a model-level constraint (nil for a column's own).
    public var columns: [String]?
    public var warnUnenforced: Bool
    public var warnUnsupported: Bool
    public var location: FileLocation
    /// A foreign key's `to` (`ref('x')`, `source('a', 'b')`) as the relation it names, once the project is linked.
    public var resolvedTo: String?

    /// Reads one entry; a missing or unknown `type`, or a field of the wrong kind, is an error at its line.
    static func parse(_ entry: YAMLNode, modelLevel: Bool) throws -> ModelConstraint {
        guard entry.isMapping else {
            throw DBTError(.project, "a constraint must be a mapping with a 'type', not \(entry.value.kindDescription)", at: entry.location)
        }
        let typeNode = entry["type"]
        guard let written = typeNode?.scalarText, let kind = Kind(rawValue: written.lowercased()) else {
            let known = Kind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw DBTError(.project, "a constraint's 'type' must be one of \(known), not "
                           + (typeNode?.scalarText.map { "'\($0)'" } ?? "missing"), at: (typeNode ?? entry).location)
        }
        func flag(_ key: String) throws -> Bool {
            guard let node = entry[key], !node.isNull else { return true }
            guard let value = node.value.boolValue else {
                throw DBTError(.project, "a constraint's '\(key)' must be true or false, not \(node.value.kindDescription)", at: node.location)
            }
            return value
        }
        func names(_ key: String) throws -> [String] {
            try PropertyFileParser.list(entry, key).map { item in
                guard let text = item.scalarText else {
                    throw DBTError(.project, "a constraint's '\(key)' must be a list of column names", at: item.location)
                }
                return text
            }
        }
        return ModelConstraint(kind: kind, name: try PropertyFileParser.optionalText(entry, "name"),
                               expression: try PropertyFileParser.optionalText(entry, "expression"),
                               to: try PropertyFileParser.optionalText(entry, "to"), toColumns: try names("to_columns"),
                               columns: modelLevel ? try names("columns") : nil,
                               warnUnenforced: try flag("warn_unenforced"), warnUnsupported: try flag("warn_unsupported"),
                               location: entry.location)
    }

    /// dbt's dict of a parsed constraint: the manifest's entry and what `model['constraints']` and a
    /// column's `constraints` hold in templates (`to` as the relation it names, as dbt compiles it).
    var value: ConfigValue {
        var fields: [(key: String, value: ConfigValue)] = [
            ("type", .string(kind.rawValue)), ("name", name.map(ConfigValue.string) ?? .null),
            ("expression", expression.map(ConfigValue.string) ?? .null),
            ("warn_unenforced", .bool(warnUnenforced)), ("warn_unsupported", .bool(warnUnsupported)),
            ("to", (resolvedTo ?? to).map(ConfigValue.string) ?? .null), ("to_columns", .list(toColumns.map(ConfigValue.string))),
        ]
        if let columns { fields.append(("columns", .list(columns.map(ConfigValue.string)))) }
        return .dict(fields)
    }
}
