/// The actual and expected rows of a unit test compared as dbt-core compares them (order ignored: both sides
/// sorted), and the difference drawn as dbt draws it with daff's terminal table: a `@@` header, `→` before a
/// changed row with `expected→actual` in each changed cell, `+++` before a row only the actual result has,
/// `---` before one only the expected rows have, unchanged rows next to a change kept and longer runs cut to `...`.
struct UnitTestDiff {
    let columns: [String]
    let actual: [[String]]
    let expected: [[String]]

    /// `rows` of the comparison query: each row's cells, then `actual` or `expected`.
    init(columns: [String], rows: [[DatabaseValue]]) {
        self.columns = columns
        var actual: [[String]] = []
        var expected: [[String]] = []
        for row in rows {
            let cells = row.dropLast().map(UnitTestDiff.text)
            if case .text("actual")? = row.last { actual.append(cells) } else { expected.append(cells) }
        }
        self.actual = actual.sorted(by: UnitTestDiff.ordered)
        self.expected = expected.sorted(by: UnitTestDiff.ordered)
    }

    /// Nil when the rows agree; otherwise dbt's message: a blank line, `actual differs from expected:`, the table.
    var rendered: String? {
        guard actual != expected else { return nil }
        let lines = table().map { cells in cells.joined(separator: ",") }
        return "\n\nactual differs from expected:\n\n" + lines.map { $0 + "\r\n" }.joined() + "\n"
    }

    /// One line of the drawn table.
    private enum Line {
        case same([String]), changed(expected: [String], actual: [String]), added([String]), removed([String]), gap
    }

    /// The table's cells, padded per column (not the last), the marker column first.
    private func table() -> [[String]] {
        let lines = elided(aligned())
        var cells: [[String]] = [["@@"] + columns]
        for line in lines {
            switch line {
            case .same(let row): cells.append([""] + row)
            case .changed(let old, let new):
                cells.append(["→"] + zip(old, new).map { $0 == $1 ? $0 : $0 + "→" + $1 })
            case .added(let row): cells.append(["+++"] + row)
            case .removed(let row): cells.append(["---"] + row)
            case .gap: cells.append(Array(repeating: "...", count: columns.count + 1))
            }
        }
        let count = columns.count + 1
        let widths = (0..<count).map { column in cells.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        return cells.map { row in
            row.enumerated().map { column, cell in
                column == count - 1 ? cell : cell + String(repeating: " ", count: max(0, widths[column] - cell.count))
            }
        }
    }

    /// Expected rows paired with actual ones: equal rows first, then each left-over expected row with the left-over
    /// actual row sharing most cells; drawn in the actual rows' order, each unpaired expected row after the actual
    /// row paired with the expected row before it.
    private func aligned() -> [Line] {
        var partner = [Int?](repeating: nil, count: expected.count)
        var taken = Set<Int>()
        for (index, row) in expected.enumerated() {
            if let match = actual.indices.first(where: { !taken.contains($0) && actual[$0] == row }) {
                partner[index] = match
                taken.insert(match)
            }
        }
        for index in expected.indices where partner[index] == nil {
            let scored = actual.indices.filter { !taken.contains($0) }.map { candidate in
                (candidate, zip(expected[index], actual[candidate]).filter { $0 == $1 }.count)
            }
            if let best = scored.filter({ $0.1 > 0 }).max(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 > $1.0) }) {
                partner[index] = best.0
                taken.insert(best.0)
            }
        }
        var byActual = [Int: Int]()
        for (index, match) in partner.enumerated() { if let match { byActual[match] = index } }
        var lines: [Line] = []
        var nextExpected = 0
        func flushRemoved(before limit: Int) {
            while nextExpected < limit {
                if partner[nextExpected] == nil { lines.append(.removed(expected[nextExpected])) }
                nextExpected += 1
            }
        }
        for (index, row) in actual.enumerated() {
            if let old = byActual[index] {
                flushRemoved(before: old)
                lines.append(expected[old] == row ? .same(row) : .changed(expected: expected[old], actual: row))
                nextExpected = max(nextExpected, old + 1)
            } else {
                lines.append(.added(row))
            }
        }
        flushRemoved(before: expected.count)
        return lines
    }

    /// Unchanged rows more than one line from a change left out, each run of them drawn as one `...` line.
    private func elided(_ lines: [Line]) -> [Line] {
        let changed = lines.indices.filter { if case .same = lines[$0] { return false } else { return true } }
        var kept: [Line] = []
        var skipping = false
        for index in lines.indices {
            if changed.contains(where: { abs($0 - index) <= 1 }) {
                kept.append(lines[index])
                skipping = false
            } else if !skipping {
                kept.append(.gap)
                skipping = true
            }
        }
        return kept
    }

    /// A cell as dbt's agate table prints it: NULL, numbers without a trailing `.0`.
    private static func text(_ value: DatabaseValue) -> String {
        if case .real(let number) = value, number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
        return value.display
    }

    /// dbt's order of sorted rows: cell by cell, numbers by value, NULL after every value.
    private static func ordered(_ a: [String], _ b: [String]) -> Bool {
        for (x, y) in zip(a, b) where x != y {
            if x == "NULL" { return false }
            if y == "NULL" { return true }
            if let p = Double(x), let q = Double(y) { return p < q }
            return x < y
        }
        return a.count < b.count
    }
}
