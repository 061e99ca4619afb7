/// One CSV record's fields, unescaped and laid end to end in a byte buffer reused from record to record.
///
/// The buffers grow to the largest record seen, never with the number of records. Noncopyable, like
/// `CSVChunkedFile`, so the per-byte work needs no run-time exclusivity checks.
struct CSVRecordBuffer: ~Copyable {
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private(set) var byteCapacity: Int
    private(set) var count = 0
    /// Where each field ends in `bytes`; a field starts where the previous one ends.
    private(set) var fieldEnds: UnsafeMutablePointer<Int>
    /// The 1-based column (in bytes) of each field's first character in the file.
    private(set) var fieldColumns: UnsafeMutablePointer<Int>
    private(set) var fieldCapacity: Int
    private(set) var fieldCount = 0

    init(byteCapacity: Int = 4096, fieldCapacity: Int = 64) {
        self.byteCapacity = byteCapacity
        self.fieldCapacity = fieldCapacity
        bytes = .allocate(capacity: byteCapacity)
        fieldEnds = .allocate(capacity: fieldCapacity)
        fieldColumns = .allocate(capacity: fieldCapacity)
    }

    deinit {
        bytes.deallocate()
        fieldEnds.deallocate()
        fieldColumns.deallocate()
    }

    /// The bytes of field `index`, valid until the buffer changes.
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = index == 0 ? 0 : fieldEnds[index - 1]
        return UnsafeBufferPointer(start: bytes + start, count: fieldEnds[index] - start)
    }

    mutating func removeAll() {
        count = 0
        fieldCount = 0
    }

    mutating func beginField(column: Int) {
        if fieldCount == fieldCapacity {
            fieldCapacity *= 2
            fieldEnds = Self.moved(fieldEnds, count: fieldCount, to: fieldCapacity)
            fieldColumns = Self.moved(fieldColumns, count: fieldCount, to: fieldCapacity)
        }
        fieldColumns[fieldCount] = column
    }

    mutating func endField() {
        fieldEnds[fieldCount] = count
        fieldCount += 1
    }

    mutating func append(_ start: UnsafePointer<UInt8>, count added: Int) {
        if count + added > byteCapacity {
            byteCapacity = max(byteCapacity * 2, count + added)
            bytes = Self.moved(bytes, count: count, to: byteCapacity)
        }
        (bytes + count).update(from: start, count: added)
        count += added
    }

    mutating func append(_ byte: UInt8) {
        withUnsafePointer(to: byte) { append($0, count: 1) }
    }

    /// A larger allocation holding the first `count` elements of `old`, which is freed.
    private static func moved<T>(_ old: UnsafeMutablePointer<T>, count: Int, to capacity: Int) -> UnsafeMutablePointer<T> {
        let new = UnsafeMutablePointer<T>.allocate(capacity: capacity)
        new.moveInitialize(from: old, count: count)
        old.deallocate()
        return new
    }

    /// The index of the first field that is not well-formed UTF-8, checked field by field
    /// (a character must not span a delimiter); nil when all are.
    func firstFieldWithInvalidUTF8() -> Int? {
        // Nearly all records are ASCII: one pass finds out.
        var highBits: UInt8 = 0
        for index in 0..<count { highBits |= bytes[index] }
        guard highBits & 0x80 != 0 else { return nil }
        return (0..<fieldCount).first { !Self.isValidUTF8(field($0)) }
    }

    private static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
