import Jinja

/// `table.print_table()`, laid out as agate lays it out: `| a | b |` under a header and a rule, all but text
/// right-aligned, `Number` columns with thousands separators and a column's decimals padded alike (not `Integer` ones), cells
/// cut at `maxColumnWidth` with `...`, and a `...` row and column for what does not fit.
extension ResultTable {
    func printedLines(maxRows: Int, maxColumns: Int, maxColumnWidth: Int) -> [String] {
        let shownColumns = Array(columnNames.indices.prefix(max(0, maxColumns)))
        let shownRows = Array(rows.prefix(max(0, maxRows)))
        let types = shownColumns.map(columnType)
        let decimals = shownColumns.map { column in
            rows.map { column < $0.count ? ResultTable.decimals($0[column]) : 0 }.max() ?? 0
        }
        func cut(_ text: String) -> String {
            text.count > maxColumnWidth ? String(text.prefix(max(0, maxColumnWidth - 3))) + "..." : text
        }
        let cells = shownRows.map { row in
            shownColumns.enumerated().map { index, column -> String in
                guard column < row.count else { return "" }
                return cut(ResultTable.text(row[column], decimals: types[index] == .number ? decimals[index] : nil))
            }
        }
        let headers = shownColumns.map { cut(columnNames[$0]) }
        let widths = headers.indices.map { index in ([headers[index]] + cells.map { $0[index] }).map(\.count).max() ?? 0 }
        let more = columnNames.count > shownColumns.count
        func line(_ values: [String], leftAligned: Bool = false) -> String {
            var parts = values.enumerated().map { index, value -> String in
                let padding = String(repeating: " ", count: max(0, widths[index] - value.count))
                return types[index] != .text && !leftAligned ? padding + value : value + padding
            }
            if more { parts.append("...") }
            return "| " + parts.joined(separator: " | ") + " |"
        }
        var lines = [line(headers)]
        var rule = "| " + widths.map { String(repeating: "-", count: $0) }.joined(separator: " | ")
        if more { rule += " | ---" }
        lines.append(rule + " |")
        lines += cells.map { line($0) }
        if rows.count > shownRows.count { lines.append(line(shownColumns.map { _ in "..." }, leftAligned: true)) }
        return lines
    }

    /// The digits after the decimal point of a number as Python prints it.
    private static func decimals(_ value: Value) -> Int {
        let shown: String
        if let decimal = value.decimal { shown = decimal.display } else if case .float = value { shown = value.repr } else { return 0 }
        guard let point = shown.firstIndex(of: ".") else { return 0 }
        return shown.distance(from: point, to: shown.endIndex) - 1
    }

    /// A cell: numbers of a `Number` column grouped by thousands with `decimals` digits (nil: another column,
    /// printed as Python prints them), none as nothing.
    private static func text(_ value: Value, decimals: Int?) -> String {
        switch value {
        case .none: return ""
        case .int, .bigInt, .float, .object(is PythonDecimal):
            guard let decimals else { return value.str }
            let repr = value.decimal?.display ?? value.repr
            guard !repr.contains("e"), !repr.contains("E"), !repr.contains("n") else { return repr }
            let negative = repr.hasPrefix("-")
            let digits = negative ? repr.dropFirst() : Substring(repr)
            let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
            var whole = ""
            for (index, digit) in parts[0].reversed().enumerated() {
                if index > 0, index % 3 == 0 { whole.insert(",", at: whole.startIndex) }
                whole.insert(digit, at: whole.startIndex)
            }
            var fraction = parts.count > 1 ? String(parts[1]) : ""
            fraction += String(repeating: "0", count: max(0, decimals - fraction.count))
            return (negative ? "-" : "") + whole + (decimals > 0 ? "." + fraction : "")
        default:
            return value.str
        }
    }
}
