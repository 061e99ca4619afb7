/// One table of a FlatBuffers buffer (the encoding of Arrow's metadata), read with every offset checked.
/// Offsets to tables, vectors and strings are unsigned, so following them only moves forward through the
/// buffer; a vtable is reached by a signed offset but is never followed further.
struct FlatBufferTable {
    private let buffer: ByteView
    private let position: Int
    private let vtable: Int
    private let vtableSize: Int
    private let tableSize: Int

    /// The buffer's root table (the first four bytes are its offset).
    static func root(of buffer: ByteView) throws -> FlatBufferTable {
        let offset = try buffer.load(0, as: UInt32.self)
        return try FlatBufferTable(buffer, at: Int(offset))
    }

    private init(_ buffer: ByteView, at position: Int) throws {
        let soffset = try buffer.load(position, as: Int32.self)
        let vtable = position - Int(soffset)
        let vtableSize = Int(try buffer.load(vtable, as: UInt16.self))
        let tableSize = Int(try buffer.load(vtable + 2, as: UInt16.self))
        guard vtableSize >= 4, vtableSize % 2 == 0, tableSize >= 4 else {
            throw ArrowIPCError.malformed("\(buffer.label): a flatbuffer vtable at \(vtable) has sizes \(vtableSize)/\(tableSize)")
        }
        try buffer.check(vtable, vtableSize)
        try buffer.check(position, tableSize)
        self.buffer = buffer
        self.position = position
        self.vtable = vtable
        self.vtableSize = vtableSize
        self.tableSize = tableSize
    }

    /// Where field `index` is stored, or nil when the table leaves it out (its default applies).
    private func field(_ index: Int, size: Int) throws -> Int? {
        let entry = 4 + 2 * index
        guard entry + 2 <= vtableSize else { return nil }
        let offset = Int(buffer.loadUnchecked(vtable + entry, as: UInt16.self))
        guard offset != 0 else { return nil }
        guard offset + size <= tableSize else {
            throw ArrowIPCError.malformed("\(buffer.label): flatbuffer field \(index) lies outside its table")
        }
        return position + offset
    }

    func scalar<T: FixedWidthInteger>(_ index: Int, default value: T) throws -> T {
        guard let at = try field(index, size: MemoryLayout<T>.size) else { return value }
        return buffer.loadUnchecked(at, as: T.self)
    }

    func bool(_ index: Int, default value: Bool = false) throws -> Bool {
        try scalar(index, default: UInt8(value ? 1 : 0)) != 0
    }

    /// The position an offset field points to, or nil when absent.
    private func target(_ index: Int) throws -> Int? {
        guard let at = try field(index, size: 4) else { return nil }
        let offset = Int(buffer.loadUnchecked(at, as: UInt32.self))
        guard offset > 0 else { throw ArrowIPCError.malformed("\(buffer.label): a flatbuffer offset points at itself") }
        return at + offset
    }

    func table(_ index: Int) throws -> FlatBufferTable? {
        guard let at = try target(index) else { return nil }
        return try FlatBufferTable(buffer, at: at)
    }

    func string(_ index: Int) throws -> String? {
        guard let at = try target(index) else { return nil }
        let length = Int(try buffer.load(at, as: UInt32.self))
        return try buffer.string(at + 4, length)
    }

    /// A vector's element count and the position of its first element, checked to fit `elementSize` each.
    private func vector(_ index: Int, elementSize: Int) throws -> (start: Int, count: Int)? {
        guard let at = try target(index) else { return nil }
        let count = Int(try buffer.load(at, as: UInt32.self))
        guard count <= (buffer.count - at - 4) / elementSize else {
            throw ArrowIPCError.malformed("\(buffer.label): a flatbuffer vector of \(count) elements overruns the metadata")
        }
        return (at + 4, count)
    }

    func tables(_ index: Int) throws -> [FlatBufferTable] {
        guard let (start, count) = try vector(index, elementSize: 4) else { return [] }
        return try (0 ..< count).map { element in
            let at = start + 4 * element
            return try FlatBufferTable(buffer, at: at + Int(buffer.loadUnchecked(at, as: UInt32.self)))
        }
    }

    /// A vector of structs made of `Int64` fields only (Arrow's `FieldNode` and `Buffer` are two each).
    func int64Structs(_ index: Int, fields: Int) throws -> [[Int64]] {
        guard let (start, count) = try vector(index, elementSize: 8 * fields) else { return [] }
        return (0 ..< count).map { element in
            (0 ..< fields).map { buffer.loadUnchecked(start + 8 * (fields * element + $0), as: Int64.self) }
        }
    }
}
