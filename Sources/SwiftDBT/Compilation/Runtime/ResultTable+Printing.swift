import Jinja

/// `table.print_table()`, laid out as agate lays it out: `| a | b |` under a header and a rule, all but text
/// right-aligned, `Number` columns with thousands separators and a column's decimals padded alike, at most three
/// and then `…` (not `Integer` ones), cells cut at `maxColumnWidth` with `...`, and a `...` row and column for what
/// does not fit.
extension ResultTable {
    func printedLines(maxRows: Int, maxColumns: Int, maxColumnWidth: Int) -> [String] {
        let shownColumns = Array(columnNames.indices.prefix(max(0, maxColumns)))
        let shownRows = Array(rows.prefix(max(0, maxRows)))
        let types = shownColumns.map(columnType)
        let places = shownColumns.map { column in ResultTable.places(shownRows.map { column < $0.count ? $0[column] : .none }) }
        func cut(_ text: String) -> String {
            text.count > maxColumnWidth ? String(text.prefix(max(0, maxColumnWidth - 3))) + "..." : text
        }
        let cells = shownRows.map { row in
            shownColumns.enumerated().map { index, column -> String in
                guard column < row.count else { return "" }
                return cut(ResultTable.text(row[column], places: types[index] == .number ? places[index] : nil))
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

    /// How many places agate shows a `Number` column with: the most any of its shown values has once trailing
    /// zeros are dropped (`1.50` has one), at most `maxPrecision`; beyond that the numbers end in `…`.
    private static func places(_ values: [Value]) -> (places: Int, truncated: Bool) {
        let most = values.compactMap(\.decimal).map { -$0.normalizedExponent }.max() ?? 0
        return (min(max(0, most), maxPrecision), most > maxPrecision)
    }

    /// agate's `print_table(max_precision=3)`.
    private static let maxPrecision = 3

    /// A cell: a decimal of a `Number` column grouped by thousands with the column's places (rounded half to even),
    /// anything else as Python's `str` prints it, none as nothing.
    private static func text(_ value: Value, places: (places: Int, truncated: Bool)?) -> String {
        guard let places, let decimal = value.decimal, let rounded = try? decimal.rounded(places: places.places) else {
            return value.isNone ? "" : value.str
        }
        let (whole, fraction) = rounded.fixedPoint
        var grouped = ""
        for (index, digit) in whole.reversed().enumerated() {
            if index > 0, index % 3 == 0 { grouped.insert(",", at: grouped.startIndex) }
            grouped.insert(digit, at: grouped.startIndex)
        }
        return (decimal.isNegative ? "-" : "") + grouped + (places.places > 0 ? "." + fraction : "") + (places.truncated ? "…" : "")
    }
}
