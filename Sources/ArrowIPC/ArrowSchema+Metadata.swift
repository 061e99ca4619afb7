/// Reading a schema from its FlatBuffers `Schema` table (Arrow's Schema.fbs).
extension ArrowSchema {
    /// Nested types deeper than this are refused rather than followed.
    static let maximumNesting = 64

    init(metadata schema: FlatBufferTable) throws {
        guard try schema.scalar(0, default: Int16(0)) == 0 else {
            throw ArrowIPCError.unsupportedFeature("big-endian data")
        }
        fields = try schema.tables(1).map { try ArrowField(metadata: $0, path: nil, depth: 0) }
    }
}

extension ArrowField {
    /// `path` names the enclosing column for error messages (`items.element`).
    init(metadata field: FlatBufferTable, path: String?, depth: Int) throws {
        let name = try field.string(0) ?? ""
        let column = path.map { "\($0).\(name)" } ?? name
        guard depth < ArrowSchema.maximumNesting else {
            throw ArrowIPCError.malformed("column \(column) nests more than \(ArrowSchema.maximumNesting) levels deep")
        }
        let children = try field.tables(5).map { try ArrowField(metadata: $0, path: column, depth: depth + 1) }
        let typeID = try field.scalar(2, default: UInt8(0))
        let typeTable = try field.table(3)
        self.init(name: name, type: try ArrowType(id: typeID, table: typeTable, children: children, column: column),
                  nullable: try field.bool(1), dictionary: try field.table(4).map { try ArrowDictionaryEncoding(metadata: $0, column: column) })
    }
}

extension ArrowDictionaryEncoding {
    init(metadata encoding: FlatBufferTable, column: String) throws {
        id = try encoding.scalar(0, default: Int64(0))
        // Without an index type the format says the indices are signed 32-bit integers.
        let indexType = try encoding.table(1)
        indexBitWidth = Int(try indexType?.scalar(0, default: Int32(32)) ?? 32)
        indexSigned = try indexType?.bool(1) ?? true
        guard [8, 16, 32, 64].contains(indexBitWidth) else {
            throw ArrowIPCError.malformed("column \(column) has dictionary indices of \(indexBitWidth) bits")
        }
    }
}

extension ArrowType {
    /// The names of the `Type` union's members, for refusing the ones not decoded here.
    private static let unionNames = [
        "NONE", "null", "int", "floating_point", "binary", "utf8", "bool", "decimal", "date", "time", "timestamp",
        "interval", "list", "struct", "union", "fixed_size_binary", "fixed_size_list", "map", "duration",
        "large_binary", "large_utf8", "large_list", "run_end_encoded", "binary_view", "utf8_view", "list_view",
        "large_list_view",
    ]

    init(id: UInt8, table: FlatBufferTable?, children: [ArrowField], column: String) throws {
        let name = Int(id) < Self.unionNames.count ? Self.unionNames[Int(id)] : "type #\(id)"
        func unsupported(_ detail: String? = nil) -> ArrowIPCError {
            .unsupportedType(type: detail ?? name, column: column)
        }
        func only(_ count: Int) throws -> [ArrowField] {
            guard children.count == count else {
                throw ArrowIPCError.malformed("column \(column) of type \(name) has \(children.count) children")
            }
            return children
        }
        // Types with parameters carry a table; those without may leave it out.
        func parameters() throws -> FlatBufferTable {
            guard let table else { throw ArrowIPCError.malformed("column \(column) of type \(name) has no type parameters") }
            return table
        }
        switch id {
        case 1: self = .null
        case 2:
            let width = Int(try parameters().scalar(0, default: Int32(0)))
            guard [8, 16, 32, 64].contains(width) else { throw unsupported("int\(width)") }
            self = .int(bitWidth: width, signed: try parameters().bool(1))
        case 3:
            switch try parameters().scalar(0, default: Int16(0)) {
            case 0: self = .float16
            case 1: self = .float32
            case 2: self = .float64
            case let other: throw ArrowIPCError.malformed("column \(column) has floating point precision \(other)")
            }
        case 4: self = .binary
        case 5: self = .utf8
        case 6: self = .bool
        case 7:
            let decimal = try parameters()
            let width = try decimal.scalar(2, default: Int32(128))
            guard width == 128 else { throw unsupported("decimal\(width)") }
            let precision = try decimal.scalar(0, default: Int32(0)), scale = try decimal.scalar(1, default: Int32(0))
            guard (1 ... 38).contains(precision), (-38 ... 38).contains(scale) else {
                throw ArrowIPCError.malformed("column \(column) has decimal precision \(precision) and scale \(scale)")
            }
            self = .decimal128(precision: precision, scale: scale)
        case 8: self = try parameters().scalar(0, default: Int16(1)) == 0 ? .date32 : .date64
        case 9:
            let time = try parameters()
            let unit = try ArrowTimeUnit(code: time.scalar(0, default: Int16(1)), column: column)
            let width = try time.scalar(1, default: Int32(32))
            guard width == ([.second, .millisecond].contains(unit) ? 32 : 64) else {
                throw ArrowIPCError.malformed("column \(column) is a time in \(unit) of \(width) bits")
            }
            self = .time(unit: unit, bitWidth: width)
        case 10:
            let timestamp = try parameters()
            self = .timestamp(unit: try ArrowTimeUnit(code: timestamp.scalar(0, default: Int16(0)), column: column),
                              timezone: try timestamp.string(1))
        case 11:
            switch try parameters().scalar(0, default: Int16(0)) {
            case 0: throw unsupported("month_interval")
            case 1: throw unsupported("day_time_interval")
            default: throw unsupported("month_day_nano_interval")
            }
        case 12: self = .list(try only(1)[0])
        case 13: self = .struct(children)
        case 15:
            let width = try parameters().scalar(0, default: Int32(0))
            guard width >= 0 else { throw ArrowIPCError.malformed("column \(column) has fixed size binary width \(width)") }
            self = .fixedSizeBinary(byteWidth: width)
        case 16:
            let size = try parameters().scalar(0, default: Int32(0))
            guard size >= 0 else { throw ArrowIPCError.malformed("column \(column) has fixed size list size \(size)") }
            self = .fixedSizeList(try only(1)[0], size: size)
        case 17:
            let entries = try only(1)[0]
            guard case .struct(let pair) = entries.type, pair.count == 2 else {
                throw ArrowIPCError.malformed("column \(column) is a map whose entries are not a key/value struct")
            }
            self = .map(entries: entries, keysSorted: try table?.bool(0) ?? false)
        case 18: self = .duration(unit: try ArrowTimeUnit(code: parameters().scalar(0, default: Int16(1)), column: column))
        case 19: self = .largeBinary
        case 20: self = .largeUtf8
        case 21: self = .largeList(try only(1)[0])
        default: throw unsupported()
        }
    }
}

extension ArrowTimeUnit {
    init(code: Int16, column: String) throws {
        switch code {
        case 0: self = .second
        case 1: self = .millisecond
        case 2: self = .microsecond
        case 3: self = .nanosecond
        default: throw ArrowIPCError.malformed("column \(column) has time unit \(code)")
        }
    }
}
