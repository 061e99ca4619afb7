import Jinja

/// The messages of a failed model contract, as dbt-core words them: `exceptions.raise_contract_error`
/// (a table of every column whose name or type differs between the model's query and its YAML,
/// sorted by name, printed as agate prints it) and `exceptions.column_type_missing`.
enum ContractMismatch {
    /// The message for the YAML columns and the query's columns (`{'name', 'data_type', ...}` dicts).
    static func message(yaml: [Value], sql: [Value]) -> String {
        guard !yaml.isEmpty else {
            return "This model has an enforced contract, and its 'columns' specification is missing"
        }
        let declared = yaml.map(pair)
        let found = sql.map(pair)
        var rows: [[String]] = []
        for column in found {
            if let match = declared.first(where: { $0.name == column.name }) {
                if match.type != column.type { rows.append([column.name, column.type, match.type, "data type mismatch"]) }
            } else {
                rows.append([column.name, column.type, "", "missing in contract"])
            }
        }
        let names = Set(found.map(\.name))
        for column in declared where !names.contains(column.name) {
            rows.append([column.name, "", column.type, "missing in definition"])
        }
        // Python's sort is stable, by the column name's code points.
        let sorted = rows.enumerated().sorted {
            $0.element[0].unicodeScalars.lexicographicallyPrecedes($1.element[0].unicodeScalars)
                || ($0.element[0] == $1.element[0] && $0.offset < $1.offset)
        }.map(\.element)
        let table = ResultTable(QueryResult(columns: ["column_name", "definition_type", "contract_type", "mismatch_reason"],
                                            rows: sorted.map { $0.map(DatabaseValue.text) }), log: { _ in })
        let printed = table.printedLines(maxRows: Int.max, maxColumns: Int.max, maxColumnWidth: 50).joined(separator: "\n")
        return "This model has an enforced contract that failed.\n"
            + "Please ensure the name, data_type, and number of columns in your contract match the columns in your model's definition.\n\n"
            + printed + "\n"
    }

    /// The message for YAML columns without a `data_type` (named as a Python list).
    static func missingTypes(_ names: Value) -> String {
        "Contracted models require data_type to be defined for each column. Please ensure that the column name and "
            + "data_type are defined within the YAML configuration for the \(names.repr) column(s)."
    }

    /// The items of a list or tuple argument (none for anything else).
    static func items(_ value: Value) -> [Value] {
        switch value {
        case .list(let storage): return storage.items
        case .tuple(let items): return items
        default: return []
        }
    }

    private static func pair(_ column: Value) -> (name: String, type: String) {
        guard case .dict(let fields) = column else { return (column.str, "") }
        return (fields["name"]?.str ?? "", fields["data_type"]?.str ?? "")
    }
}
