/// A seed's CSV file, read in two streaming passes: one infers the column types, the other yields typed rows.
public struct SeedFile: Sendable {
    public var path: String
    /// dbt's `delimiter` seed config.
    public var delimiter: String
    /// dbt's `column_types` seed config: column name to SQL type.
    public var columnTypes: [String: String]

    public init(path: String, delimiter: String = ",", columnTypes: [String: String] = [:]) {
        self.path = path
        self.delimiter = delimiter
        self.columnTypes = columnTypes
    }

    /// Reads the whole file once, in parts on all cores, and returns its columns with their types.
    public func inferColumns() throws -> [SeedColumn] {
        try PartitionedSeedInference(file: self).columns()
    }

    /// Reads the file again and calls `body` with each row's values, converted to `columns`' types, and the
    /// row's line; the values array is reused from row to row.
    public func forEachRow(columns: [SeedColumn], _ body: (_ values: [SeedValue], _ line: Int) throws -> Void) throws {
        let reader = try CSVReader(path: path, delimiter: delimiter)
        guard reader.header == columns.map(\.name) else {
            throw DBTError(.project, "the header changed since the column types were inferred",
                           at: FileLocation(path: path, line: 1, column: 1))
        }
        var values = [SeedValue](repeating: .null, count: columns.count)
        let types = columns.map(\.type)
        while let row = try reader.nextRow() {
            for index in types.indices {
                guard let value = types[index].value(of: row.bytes(of: index)) else {
                    throw DBTError(.project, "'\(row[index] ?? "")' does not fit column '\(columns[index].name)' "
                                             + "(\(types[index])); did the file change while it was loaded?",
                                   at: FileLocation(path: path, line: row.line, column: row.column(of: index)))
                }
                values[index] = value
            }
            try body(values, row.line)
        }
    }
}
