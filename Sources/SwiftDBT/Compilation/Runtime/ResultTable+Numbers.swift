import Jinja

/// What agate's Number type makes of a result column: every number in a column the type tester types `Number`
/// (anything but all whole numbers) becomes a Python Decimal, a float as `Decimal(repr(f))` (`0.1`, `1E+20`) and a
/// whole number as itself (`Decimal('1')`); NaN and infinite floats stay floats.
extension ResultTable {
    static func agateNumbers(_ rows: [[Value]], columns: Int) -> [[Value]] {
        let numberColumns = (0..<columns).filter { column in
            ResultColumnType.Kind(values: rows.map { column < $0.count ? $0[column] : .none }) == .number
        }
        guard !numberColumns.isEmpty else { return rows }
        return rows.map { row in
            var row = row
            for column in numberColumns where column < row.count {
                row[column] = decimal(row[column])
            }
            return row
        }
    }

    private static func decimal(_ value: Value) -> Value {
        switch value {
        case .int(let i): return .object(PythonDecimal(integer: BigInteger(i)))
        case .bigInt(let b): return .object(PythonDecimal(integer: b))
        case .float(let d): return PythonDecimal(float: d).map(Value.object) ?? value
        default: return value
        }
    }
}
