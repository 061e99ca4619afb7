/// Joining the tables of consecutive streams (Spark Connect sends each batch of a result as a stream).
extension ArrowTable {
    /// Adds `other`'s rows after this table's; throws `ArrowIPCError.malformed` unless both have the same
    /// schema.
    public mutating func append(_ other: ArrowTable) throws {
        guard other.schema == schema else {
            throw ArrowIPCError.malformed("a stream's columns (\(Self.describe(other.schema))) differ from the"
                + " first stream's (\(Self.describe(schema)))")
        }
        for index in columns.indices {
            columns[index].values += other.columns[index].values
        }
        rowCount += other.rowCount
    }

    private static func describe(_ schema: ArrowSchema) -> String {
        schema.fields.map { "\($0.name) \($0.type)" }.joined(separator: ", ")
    }
}
