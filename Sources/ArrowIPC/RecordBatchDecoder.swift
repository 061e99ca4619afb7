/// Decodes the columns of one `RecordBatch` message (or the values of one `DictionaryBatch`) from the
/// message body: each column takes the next field node and its type's buffers, in schema order, children
/// after their parent.
struct RecordBatchDecoder {
    /// The batch's row count.
    let length: Int
    private let body: ByteView
    private let nodes: [[Int64]]
    private let buffers: [[Int64]]
    private let dictionaries: [Int64: [ArrowValue]]
    private var nextNode = 0
    private var nextBuffer = 0
    /// How many more values the stream may still decode (see `ArrowStreamReader.valueBudgetFloor`).
    private(set) var budget: Int

    init(batch: FlatBufferTable, body: ByteView, dictionaries: [Int64: [ArrowValue]], budget: Int) throws {
        if let compression = try batch.table(3) {
            let codec = try compression.scalar(0, default: Int8(0))
            throw ArrowIPCError.unsupportedFeature(
                "\(codec == 0 ? "LZ4_FRAME" : codec == 1 ? "ZSTD" : "codec #\(codec)") buffer compression"
                    + " (Spark compresses when spark.sql.execution.arrow.compression.codec is set; keep it at none)")
        }
        let length = try batch.scalar(0, default: Int64(0))
        guard length >= 0, length <= Int64(budget) else {
            throw ArrowIPCError.malformed("a record batch declares \(length) rows")
        }
        self.length = Int(length)
        self.body = body
        nodes = try batch.int64Structs(1, fields: 2)
        buffers = try batch.int64Structs(2, fields: 2)
        self.dictionaries = dictionaries
        self.budget = budget
    }

    /// Throws unless every field node and buffer the message lists was used by some column.
    func checkFullyConsumed() throws {
        guard nextNode == nodes.count, nextBuffer == buffers.count else {
            throw ArrowIPCError.malformed("a record batch lists \(nodes.count) field nodes and \(buffers.count) buffers"
                + " but its schema uses \(nextNode) and \(nextBuffer)")
        }
    }

    /// The values of `field`, whose name for errors is `column`.
    mutating func decode(_ field: ArrowField, column: String) throws -> [ArrowValue] {
        guard let encoding = field.dictionary else { return try decode(field.type, column: column) }
        guard let dictionary = dictionaries[encoding.id] else {
            throw ArrowIPCError.malformed("column \(column) refers to dictionary \(encoding.id), which the stream has not sent")
        }
        let indices = try decode(.int(bitWidth: encoding.indexBitWidth, signed: encoding.indexSigned), column: column)
        return try indices.map { index in
            switch index {
            case .int(let at) where at >= 0 && at < Int64(dictionary.count): return dictionary[Int(at)]
            case .uint(let at) where at < UInt64(dictionary.count): return dictionary[Int(at)]
            case .null: return .null
            default: throw ArrowIPCError.malformed("column \(column) has dictionary index \(index) of \(dictionary.count) values")
            }
        }
    }

    private mutating func decode(_ type: ArrowType, column: String) throws -> [ArrowValue] {
        let (count, nullCount) = try node(column)
        // The null type has no buffers at all, not even a validity bitmap.
        let isValid: (Int) -> Bool = try type == .null ? { _ in false } : validity(count: count, nullCount: nullCount, column: column)
        switch type {
        case .null: return Array(repeating: .null, count: count)
        case .bool:
            let data = try buffer(column)
            try data.check(0, (count + 7) / 8)
            return (0 ..< count).map { isValid($0) ? .bool(data.bit($0)) : .null }
        case .int(let width, let signed):
            let data = try fixedWidth(count: count, width: width / 8, column: column)
            return (0 ..< count).map { row in
                guard isValid(row) else { return .null }
                switch (width, signed) {
                case (8, true): return .int(Int64(data.loadUnchecked(row, as: Int8.self)))
                case (16, true): return .int(Int64(data.loadUnchecked(2 * row, as: Int16.self)))
                case (32, true): return .int(Int64(data.loadUnchecked(4 * row, as: Int32.self)))
                case (_, true): return .int(data.loadUnchecked(8 * row, as: Int64.self))
                case (8, false): return .uint(UInt64(data.loadUnchecked(row, as: UInt8.self)))
                case (16, false): return .uint(UInt64(data.loadUnchecked(2 * row, as: UInt16.self)))
                case (32, false): return .uint(UInt64(data.loadUnchecked(4 * row, as: UInt32.self)))
                case (_, false): return .uint(data.loadUnchecked(8 * row, as: UInt64.self))
                }
            }
        case .float16:
            let data = try fixedWidth(count: count, width: 2, column: column)
            return (0 ..< count).map { isValid($0) ? .double(Self.halfToDouble(data.loadUnchecked(2 * $0, as: UInt16.self))) : .null }
        case .float32:
            let data = try fixedWidth(count: count, width: 4, column: column)
            return (0 ..< count).map {
                isValid($0) ? .double(Double(Float(bitPattern: data.loadUnchecked(4 * $0, as: UInt32.self)))) : .null
            }
        case .float64:
            let data = try fixedWidth(count: count, width: 8, column: column)
            return (0 ..< count).map { isValid($0) ? .double(Double(bitPattern: data.loadUnchecked(8 * $0, as: UInt64.self))) : .null }
        case .decimal128(let precision, let scale):
            let data = try fixedWidth(count: count, width: 16, column: column)
            return (0 ..< count).map { row in
                guard isValid(row) else { return .null }
                return .decimal(ArrowDecimal128(high: data.loadUnchecked(16 * row + 8, as: Int64.self),
                                                low: data.loadUnchecked(16 * row, as: UInt64.self),
                                                precision: precision, scale: scale))
            }
        case .date32:
            let data = try fixedWidth(count: count, width: 4, column: column)
            return (0 ..< count).map { isValid($0) ? .date(daysSinceEpoch: data.loadUnchecked(4 * $0, as: Int32.self)) : .null }
        case .time(let unit, let width):
            let data = try fixedWidth(count: count, width: Int(width) / 8, column: column)
            return (0 ..< count).map { row in
                guard isValid(row) else { return .null }
                let value = width == 32 ? Int64(data.loadUnchecked(4 * row, as: Int32.self)) : data.loadUnchecked(8 * row, as: Int64.self)
                return .time(value, unit: unit)
            }
        case .date64, .timestamp, .duration:
            let data = try fixedWidth(count: count, width: 8, column: column)
            return (0 ..< count).map { row in
                guard isValid(row) else { return .null }
                let value = data.loadUnchecked(8 * row, as: Int64.self)
                switch type {
                case .timestamp(let unit, let zone): return .timestamp(value: value, unit: unit, timezone: zone)
                case .duration(let unit): return .duration(value, unit: unit)
                default: return .date64(millisecondsSinceEpoch: value)
                }
            }
        case .utf8, .largeUtf8, .binary, .largeBinary:
            let large = type == .largeUtf8 || type == .largeBinary
            let ranges = try offsets(count: count, large: large, column: column)
            let data = try buffer(column)
            let text = type == .utf8 || type == .largeUtf8
            return try (0 ..< count).map { row in
                guard isValid(row) else { return .null }
                let (start, length) = (ranges[row], ranges[row + 1] - ranges[row])
                return text ? .string(try data.string(start, length)) : .binary(try data.array(start, length))
            }
        case .fixedSizeBinary(let width):
            let data = try fixedWidth(count: count, width: Int(width), column: column)
            return try (0 ..< count).map { isValid($0) ? .binary(try data.array(Int(width) * $0, Int(width))) : .null }
        case .list(let item), .largeList(let item):
            let ranges = try offsets(count: count, large: type == .largeList(item), column: column)
            let items = try decode(item, column: column + "." + item.name)
            return try (0 ..< count).map { row in
                guard isValid(row) else { return .null }
                return .list(try Self.slice(items, ranges[row], ranges[row + 1], column: column))
            }
        case .fixedSizeList(let item, let size):
            let items = try decode(item, column: column + "." + item.name)
            let width = Int(size)
            guard width == 0 || items.count / width >= count else {
                throw ArrowIPCError.malformed("column \(column): \(items.count) list items for \(count) lists of \(width)")
            }
            return (0 ..< count).map { isValid($0) ? .list(Array(items[(width * $0) ..< (width * $0 + width)])) : .null }
        case .struct(let fields):
            let children = try fields.map { try decode($0, column: column + "." + $0.name) }
            guard children.allSatisfy({ $0.count >= count }) else {
                throw ArrowIPCError.malformed("column \(column): a struct child has fewer than its \(count) values")
            }
            return (0 ..< count).map { row in isValid(row) ? .struct(children.map { $0[row] }) : .null }
        case .map(let entries, _):
            let ranges = try offsets(count: count, large: false, column: column)
            let pairs = try decode(entries, column: column + "." + entries.name)
            return try (0 ..< count).map { row in
                guard isValid(row) else { return .null }
                return .map(try Self.slice(pairs, ranges[row], ranges[row + 1], column: column).map { pair in
                    guard case .struct(let keyValue) = pair, keyValue.count == 2 else {
                        throw ArrowIPCError.malformed("column \(column): a map entry is null")
                    }
                    return ArrowMapEntry(key: keyValue[0], value: keyValue[1])
                })
            }
        }
    }

    private mutating func node(_ column: String) throws -> (count: Int, nullCount: Int) {
        guard nextNode < nodes.count else {
            throw ArrowIPCError.malformed("column \(column): the record batch has too few field nodes")
        }
        let node = nodes[nextNode]
        nextNode += 1
        guard node[0] >= 0, node[0] <= Int64(budget), node[1] >= 0, node[1] <= node[0] else {
            throw ArrowIPCError.malformed("column \(column): a field node of \(node[0]) values with \(node[1]) nulls")
        }
        budget -= Int(node[0])
        return (Int(node[0]), Int(node[1]))
    }

    /// Whether each row is non-null, from the next buffer (which may be empty when there are no nulls).
    private mutating func validity(count: Int, nullCount: Int, column: String) throws -> (Int) -> Bool {
        let bitmap = try buffer(column)
        guard nullCount > 0 else { return { _ in true } }
        guard bitmap.count >= (count + 7) / 8 else {
            throw ArrowIPCError.malformed("column \(column): the validity bitmap is shorter than its \(count) values")
        }
        return { bitmap.bit($0) }
    }

    private mutating func buffer(_ column: String) throws -> ByteView {
        guard nextBuffer < buffers.count else {
            throw ArrowIPCError.malformed("column \(column): the record batch has too few buffers")
        }
        let buffer = buffers[nextBuffer]
        nextBuffer += 1
        guard let offset = Int(exactly: buffer[0]), let length = Int(exactly: buffer[1]) else {
            throw ArrowIPCError.malformed("column \(column): buffer \(nextBuffer - 1) has offset \(buffer[0]), length \(buffer[1])")
        }
        return try body.slice(offset, length, label: "buffer \(nextBuffer - 1) (column \(column))")
    }

    /// The next buffer, checked to hold `count` values of `width` bytes.
    private mutating func fixedWidth(count: Int, width: Int, column: String) throws -> ByteView {
        let data = try buffer(column)
        guard width == 0 || data.count / width >= count else {
            throw ArrowIPCError.malformed("column \(column): \(data.count) bytes of data for \(count) values of \(width) bytes")
        }
        return data
    }

    /// The next buffer as `count + 1` offsets, checked to never decrease.
    private mutating func offsets(count: Int, large: Bool, column: String) throws -> [Int] {
        let data = try buffer(column)
        guard count > 0 else { return [0] }
        let width = large ? 8 : 4
        guard data.count / width > count else {
            throw ArrowIPCError.malformed("column \(column): \(data.count) bytes of offsets for \(count) values")
        }
        let offsets = (0 ... count).map { large ? Int(data.loadUnchecked(8 * $0, as: Int64.self)) : Int(data.loadUnchecked(4 * $0, as: Int32.self)) }
        for row in 0 ..< count where offsets[row] < 0 || offsets[row] > offsets[row + 1] {
            throw ArrowIPCError.malformed("column \(column): offsets \(offsets[row]), \(offsets[row + 1]) at row \(row)")
        }
        return offsets
    }

    private static func slice(_ values: [ArrowValue], _ start: Int, _ end: Int, column: String) throws -> [ArrowValue] {
        guard end <= values.count else {
            throw ArrowIPCError.malformed("column \(column): offset \(end) beyond its \(values.count) child values")
        }
        return Array(values[start ..< end])
    }

    /// An IEEE 754 half precision number, widened exactly.
    private static func halfToDouble(_ bits: UInt16) -> Double {
        let sign: Double = bits & 0x8000 != 0 ? -1 : 1
        let exponent = Int((bits >> 10) & 0x1F), fraction = Double(bits & 0x3FF)
        switch exponent {
        case 0: return sign * fraction * 0x1p-24
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1 + fraction / 1024) * Double(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }
}
