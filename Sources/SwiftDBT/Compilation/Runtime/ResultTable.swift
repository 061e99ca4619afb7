import Foundation
import Jinja

/// The rows a statement returned, shaped as the agate table dbt hands to macros:
/// `column_names`, `column_types` (agate's data types, ``ResultColumnType``), `rows` (each indexed by position or column name),
/// `columns['c'].values()`, `rename()` and `print_table()`. Columns the database types as dates or timestamps (PostgreSQL) hold
/// `datetime` objects, as psycopg2 hands them to dbt; text stays text (SQLite, as dbt-sqlite). A column of whole numbers
/// holds ints; any other column of numbers is agate's Number type and holds Python Decimals (``PythonDecimal``):
/// PostgreSQL's `numeric` with its scale, floats as `Decimal(repr(f))`, and whole numbers beside them.
final class ResultTable: HostObject {
    let columnNames: [String]
    let rows: [[Value]]
    private let log: @Sendable (String) -> Void

    init(_ result: QueryResult, log: @escaping @Sendable (String) -> Void) {
        columnNames = result.columns
        let typed = result.rows.enumerated().map { number, row in
            row.enumerated().map { index, value in
                if index < result.decimalTexts.count, let texts = result.decimalTexts[index], number < texts.count,
                   let decimal = texts[number].flatMap(PythonDecimal.init) {
                    return Value.object(decimal)
                }
                guard index < result.temporal.count, let kind = result.temporal[index] else { return ResultTable.value(value) }
                return ResultTable.temporal(value, kind)
            }
        }
        rows = ResultTable.agateNumbers(typed, columns: result.columns.count)
        self.log = log
    }

    private init(columnNames: [String], rows: [[Value]], log: @escaping @Sendable (String) -> Void) {
        self.columnNames = columnNames
        self.rows = rows
        self.log = log
    }

    /// A date or timestamp the database typed, as the `datetime.date`/`datetime.datetime` dbt's agate table holds;
    /// a timestamp with a time zone is aware, in a fixed-offset zone as psycopg2 makes it (text it cannot read stays text).
    static func temporal(_ value: DatabaseValue, _ kind: TemporalKind) -> Value {
        guard case .text(let text) = value else { return ResultTable.value(value) }
        var clock = text
        var offset: Int?
        if kind == .zonedTimestamp {
            guard let split = splitOffset(text) else { return .string(text) }
            (clock, offset) = split
        }
        let pattern = kind == .date ? "%Y-%m-%d" : clock.contains(".") ? "%Y-%m-%d %H:%M:%S.%f" : "%Y-%m-%d %H:%M:%S"
        guard let parsed = try? PythonTimeFormat.parse(clock, pattern) else { return .string(text) }
        switch kind {
        case .date: return .object(DateTimeObject(local: parsed.local, isDate: true))
        case .timestamp: return .object(parsed)
        case .zonedTimestamp:
            let seconds = offset ?? 0
            return .object(DateTimeObject(local: parsed.local, zone: TimeZoneObject(.fixed(seconds: seconds, name: nil)), offset: seconds))
        }
    }

    /// `2024-01-31 15:50:30+05:30` as its wall clock and UTC offset in seconds (PostgreSQL writes `+05`, `-03:30`,
    /// `+05:53:28`), or nil when the text does not end in an offset.
    private static func splitOffset(_ text: String) -> (String, Int)? {
        guard let sign = text.lastIndex(where: { $0 == "+" || $0 == "-" }), text.distance(from: text.startIndex, to: sign) > 10 else {
            return nil
        }
        let parts = text[text.index(after: sign)...].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard (1...3).contains(parts.count), parts.allSatisfy({ $0 != nil }) else { return nil }
        let seconds = zip(parts.compactMap { $0 }, [3600, 60, 1]).reduce(0) { $0 + $1.0 * $1.1 }
        return (String(text[..<sign]), text[sign] == "-" ? -seconds : seconds)
    }

    /// A database value as a template value.
    static func value(_ value: DatabaseValue) -> Value {
        switch value {
        case .null: return .none
        case .integer(let i): return .int(Int(i))
        case .real(let d): return .float(d)
        case .text(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .blob(let bytes): return .string(String(decoding: bytes, as: UTF8.self))
        }
    }

    var typeName: String { "Table" }
    var display: String { "<agate.table.Table object>" }

    /// The rows as a list of row objects.
    var rowValues: [Value] { rows.map { .object(ResultRow(names: columnNames, values: $0)) } }

    /// The rows as tuples (`load_result(...).data`).
    var data: Value { .list(rows.map { Value.tuple($0) }) }

    func iterate() throws -> [Value]? { rowValues }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        switch name {
        case "column_names": return .tuple(columnNames.map(Value.string))
        case "column_types": return .tuple(columnNames.indices.map { .object(ResultColumnType(columnType($0))) })
        case "rows": return .object(ResultSequence(items: rowValues, names: nil))
        case "columns":
            let columns = columnNames.indices.map { index in
                Value.object(ResultColumn(name: columnNames[index], values: rows.map { index < $0.count ? $0[index] : .none }))
            }
            return .object(ResultSequence(items: columns, names: columnNames))
        case "rename":
            return .function(name) { [self] arguments, _ in .object(try renamed(arguments.value(0, "column_names"))) }
        case "print_table":
            return .function(name) { [self] arguments, _ in
                func limit(_ position: Int, _ key: String, _ fallback: Int) -> Int {
                    if case .int(let value)? = arguments.value(position, key) { return value }
                    return fallback
                }
                let lines = printedLines(maxRows: limit(0, "max_rows", 20), maxColumns: limit(1, "max_columns", 6),
                                         maxColumnWidth: limit(2, "max_column_width", 20))
                lines.forEach(log)
                return .none
            }
        default: return nil
        }
    }

    /// agate's `Table.rename(column_names)`: a copy with its columns renamed by a mapping (`{old: new}`, other columns
    /// kept) or a list of every column's new name, in order; the rows and their types unchanged.
    private func renamed(_ names: Value?) throws -> ResultTable {
        let renamedColumns: [String]
        switch names {
        case .dict(let mapping)?: renamedColumns = columnNames.map { mapping[$0]?.str ?? $0 }
        case .list(let list)?: renamedColumns = list.items.map(\.str)
        case .tuple(let items)?: renamedColumns = items.map(\.str)
        case nil, .none?: renamedColumns = columnNames
        default: throw TemplateError(.invalidArgument, "rename() takes a dict or a list of column names")
        }
        guard renamedColumns.count == columnNames.count else {
            throw TemplateError(.invalidArgument, "rename() got \(renamedColumns.count) column names for \(columnNames.count) columns")
        }
        return ResultTable(columnNames: renamedColumns, rows: rows, log: log)
    }

    /// The agate data type dbt's type tester gives a column's values.
    func columnType(_ column: Int) -> ResultColumnType.Kind {
        ResultColumnType.Kind(values: rows.map { column < $0.count ? $0[column] : .none })
    }
}
