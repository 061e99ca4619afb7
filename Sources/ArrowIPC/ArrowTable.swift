/// The decoded contents of an Arrow IPC stream: its schema and every column's values, all record batches
/// concatenated in order.
public struct ArrowTable: Equatable, Sendable {
    public var schema: ArrowSchema
    /// One column per schema field, each `rowCount` values long.
    public var columns: [ArrowColumn]
    public var rowCount: Int

    public init(schema: ArrowSchema, columns: [ArrowColumn], rowCount: Int) {
        self.schema = schema
        self.columns = columns
        self.rowCount = rowCount
    }

    /// The value at `row` of column `column` (both zero-based and in range).
    public subscript(row: Int, column: Int) -> ArrowValue {
        columns[column].values[row]
    }

    /// The values of `row`, one per column.
    public func row(_ row: Int) -> [ArrowValue] {
        columns.map { $0.values[row] }
    }
}

/// One column of an `ArrowTable`.
public struct ArrowColumn: Equatable, Sendable {
    public var field: ArrowField
    public var values: [ArrowValue]

    public init(field: ArrowField, values: [ArrowValue]) {
        self.field = field
        self.values = values
    }
}
