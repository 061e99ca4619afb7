/// How tests join a selection through the nodes they test (`--indirect-selection`, dbt's default `eager`).
public enum IndirectSelection: String, Sendable, CaseIterable {
    /// A test joins when any node it tests is selected.
    case eager
    /// A test joins only when every node it tests is selected.
    case cautious
    /// A test joins when every node it tests is selected or upstream of the selection.
    case buildable
    /// No test joins indirectly.
    case empty

    /// The mode named on the command line or in `selectors.yml`; throws a `.usage` error for other names.
    public static func named(_ name: String) throws -> IndirectSelection {
        guard let mode = IndirectSelection(rawValue: name) else {
            let valid = allCases.map(\.rawValue).joined(separator: ", ")
            throw DBTError(.usage, "'\(name)' is not a valid indirect selection mode; expected one of: \(valid)")
        }
        return mode
    }

    /// The mode in force: the command line's, else `DBT_INDIRECT_SELECTION`, else the project's
    /// `flags: indirect_selection:`, else eager (dbt's order of precedence).
    public static func resolved(commandLine: String?, environment: [String: String],
                                project: IndirectSelection?) throws -> IndirectSelection {
        if let name = commandLine ?? environment["DBT_INDIRECT_SELECTION"] { return try named(name) }
        return project ?? .eager
    }
}
