/// Reads an Arrow IPC stream (the "streaming format": a schema message, then dictionary and record batch
/// messages, then an optional end-of-stream marker) into an `ArrowTable`.
///
/// Every read is bounds-checked: a truncated, corrupted or unsupported stream throws an `ArrowIPCError`,
/// never traps, and reading always moves forward through the bytes.
public enum ArrowStreamReader {
    /// Decodes one complete stream.
    public static func read(_ bytes: [UInt8]) throws -> ArrowTable {
        var reader = MessageReader(bytes)
        guard let first = try reader.next() else { throw ArrowIPCError.truncated("the stream holds no schema message") }
        guard first.kind == .schema else { throw ArrowIPCError.malformed("the stream does not start with a schema message") }
        let schema = try ArrowSchema(metadata: first.header)
        let dictionaryFields = try dictionaryFields(of: schema)
        var columns = [[ArrowValue]](repeating: [], count: schema.fields.count)
        var dictionaries: [Int64: [ArrowValue]] = [:]
        var rowCount = 0
        // Values decoded without a byte of body behind them (nulls, empty structs) are capped at this.
        var budget = max(bytes.count * 8, valueBudgetFloor)
        while let message = try reader.next() {
            switch message.kind {
            case .schema:
                throw ArrowIPCError.malformed("a second schema message at byte \(message.offset)")
            case .dictionaryBatch:
                let id = try message.header.scalar(0, default: Int64(0))
                guard let field = dictionaryFields[id] else {
                    throw ArrowIPCError.malformed("a dictionary batch for id \(id), which no column uses")
                }
                guard let data = try message.header.table(1) else {
                    throw ArrowIPCError.malformed("the dictionary batch for id \(id) has no data")
                }
                var decoder = try RecordBatchDecoder(batch: data, body: message.body, dictionaries: dictionaries, budget: budget)
                let values = try decoder.decode(field, column: "\(field.name) (dictionary \(id))")
                guard values.count == decoder.length else {
                    throw ArrowIPCError.malformed("dictionary \(id) has \(values.count) values in a batch of \(decoder.length)")
                }
                try decoder.checkFullyConsumed()
                budget = decoder.budget
                let isDelta = try message.header.bool(2)
                dictionaries[id] = isDelta ? (dictionaries[id] ?? []) + values : values
            case .recordBatch:
                var decoder = try RecordBatchDecoder(batch: message.header, body: message.body, dictionaries: dictionaries, budget: budget)
                for (index, field) in schema.fields.enumerated() {
                    let values = try decoder.decode(field, column: field.name)
                    guard values.count == decoder.length else {
                        throw ArrowIPCError.malformed("column \(field.name) has \(values.count) values in a batch of \(decoder.length) rows")
                    }
                    columns[index] += values
                }
                try decoder.checkFullyConsumed()
                budget = decoder.budget
                rowCount += decoder.length
            }
        }
        return ArrowTable(schema: schema, columns: zip(schema.fields, columns).map { ArrowColumn(field: $0, values: $1) },
                          rowCount: rowCount)
    }

    /// Decodes one complete stream from any byte collection (such as Foundation's `Data`).
    public static func read<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws -> ArrowTable {
        try read(Array(bytes))
    }

    /// The least number of values a stream may decode however short it is (see `read`): a column of
    /// nulls takes no bytes, so the cap cannot come from the stream's size alone.
    public static let valueBudgetFloor = 1 << 20

    /// The fields that are dictionary-encoded, anywhere in the schema, by dictionary id; each with the
    /// dictionary's value type and no encoding of its own.
    private static func dictionaryFields(of schema: ArrowSchema) throws -> [Int64: ArrowField] {
        var found: [Int64: ArrowField] = [:]
        var pending = schema.fields
        while let field = pending.popLast() {
            if let encoding = field.dictionary {
                guard found[encoding.id] == nil else {
                    throw ArrowIPCError.unsupportedFeature("dictionary \(encoding.id) shared by several columns")
                }
                found[encoding.id] = ArrowField(name: field.name, type: field.type, nullable: field.nullable)
            }
            switch field.type {
            case .list(let item), .largeList(let item), .fixedSizeList(let item, _): pending.append(item)
            case .map(let entries, _): pending.append(entries)
            case .struct(let fields): pending += fields
            default: break
            }
        }
        return found
    }
}
