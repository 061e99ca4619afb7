import Foundation
import Jinja

/// The rows a statement returned, shaped as the agate table dbt hands to macros:
/// `column_names`, `column_types`, `rows` (each indexed by position or column name),
/// `columns['c'].values()` and `print_table()`. Numbers arrive as numbers.
final class ResultTable: HostObject {
    let columnNames: [String]
    let rows: [[Value]]
    private let log: @Sendable (String) -> Void

    init(_ result: QueryResult, log: @escaping @Sendable (String) -> Void) {
        columnNames = result.columns
        rows = result.rows.map { $0.map(ResultTable.value) }
        self.log = log
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
        case "column_types": return .tuple(columnNames.indices.map { .string(typeLabel(column: $0)) })
        case "rows": return .object(ResultSequence(name: "MappedSequence", items: rowValues, names: nil))
        case "columns":
            let columns = columnNames.indices.map { index in
                Value.object(ResultColumn(name: columnNames[index], values: rows.map { index < $0.count ? $0[index] : .none }))
            }
            return .object(ResultSequence(name: "MappedSequence", items: columns, names: columnNames))
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

    /// agate's name for the type of a column's values (`Number`, `Text`, `Boolean`).
    func typeLabel(column: Int) -> String {
        for row in rows where column < row.count {
            switch row[column] {
            case .none: continue
            case .int, .float, .bigInt: return "Number"
            case .bool: return "Boolean"
            default: return "Text"
            }
        }
        return "Text"
    }
}

/// One row: indexed by position or by column name, iterated as its values.
final class ResultRow: HostObject {
    let names: [String]
    let values: [Value]
    init(names: [String], values: [Value]) {
        self.names = names
        self.values = values
    }

    var typeName: String { "Row" }
    var display: String { "<agate.Row: (" + values.map(\.repr).joined(separator: ", ") + ")>" }
    var valueKey: String? { nil }

    func iterate() throws -> [Value]? { values }

    func item(_ key: Value, _ context: CallContext) throws -> Value? {
        ResultSequence.lookup(key, items: values, names: names)
    }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        switch name {
        case "keys": return .function(name) { [names] _, _ in .tuple(names.map(Value.string)) }
        case "values": return .function(name) { [values] _, _ in .tuple(values) }
        case "items": return .function(name) { [names, values] _, _ in
            .list(zip(names, values).map { Value.tuple([.string($0), $1]) })
        }
        case "get": return .function(name) { [self] arguments, context in
            try item(arguments.value(0, "key") ?? .none, context) ?? arguments.value(1, "default") ?? .none
        }
        case "dict": return .function(name) { [names, values] _, _ in .dict(Array(zip(names, values))) }
        default: return nil
        }
    }
}

/// One column of a result: its `name` and `values()`.
final class ResultColumn: HostObject {
    let name: String
    let values: [Value]
    init(name: String, values: [Value]) {
        self.name = name
        self.values = values
    }

    var typeName: String { "Column" }
    var display: String { "<agate.Column: (" + values.map(\.repr).joined(separator: ", ") + ")>" }

    func iterate() throws -> [Value]? { values }

    func item(_ key: Value, _ context: CallContext) throws -> Value? {
        ResultSequence.lookup(key, items: values, names: nil)
    }

    func attribute(_ attribute: String, _ context: CallContext) throws -> Value? {
        switch attribute {
        case "name": return .string(name)
        case "values": return .function(attribute) { [values] _, _ in .tuple(values) }
        case "values_distinct": return .function(attribute) { [values] _, _ in
            var distinct: [Value] = []
            for value in values where !distinct.contains(where: { Value.equals($0, value) }) { distinct.append(value) }
            return .tuple(distinct)
        }
        case "values_without_nulls": return .function(attribute) { [values] _, _ in .tuple(values.filter { !$0.isNone }) }
        default: return nil
        }
    }
}

/// `table.rows` and `table.columns`: a sequence indexed by position (and, for columns, by name).
final class ResultSequence: HostObject {
    let name: String
    let items: [Value]
    let names: [String]?
    init(name: String, items: [Value], names: [String]?) {
        self.name = name
        self.items = items
        self.names = names
    }

    var typeName: String { name }
    var display: String { "<agate.\(name)>" }

    func iterate() throws -> [Value]? { items }

    func item(_ key: Value, _ context: CallContext) throws -> Value? {
        ResultSequence.lookup(key, items: items, names: names)
    }

    func attribute(_ attribute: String, _ context: CallContext) throws -> Value? {
        switch attribute {
        case "keys": return .function(attribute) { [names] _, _ in .tuple((names ?? []).map(Value.string)) }
        case "values": return .function(attribute) { [items] _, _ in .tuple(items) }
        default: return nil
        }
    }

    /// `items[0]`, `items[-1]`, `items['name']`.
    static func lookup(_ key: Value, items: [Value], names: [String]?) -> Value? {
        switch key {
        case .int(let index):
            let position = index < 0 ? index + items.count : index
            return items.indices.contains(position) ? items[position] : nil
        case .string(let name):
            guard let position = names?.firstIndex(of: name), items.indices.contains(position) else { return nil }
            return items[position]
        default:
            return nil
        }
    }
}
