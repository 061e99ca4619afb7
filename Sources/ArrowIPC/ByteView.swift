/// A bounds-checked, little-endian window on part of the stream's bytes. Every read checks its range and
/// throws `ArrowIPCError` instead of trapping.
struct ByteView {
    let bytes: [UInt8]
    /// The window's first byte in `bytes`.
    let start: Int
    /// The window's length.
    let count: Int
    /// What the window holds, for error messages ("metadata", "buffer 3 of column x").
    let label: String

    init(_ bytes: [UInt8], start: Int = 0, count: Int? = nil, label: String) {
        self.bytes = bytes
        self.start = start
        self.count = count ?? bytes.count - start
        self.label = label
    }

    /// A sub-window; throws unless `offset ..< offset + length` lies inside this window.
    func slice(_ offset: Int, _ length: Int, label: String) throws -> ByteView {
        try check(offset, length)
        return ByteView(bytes, start: start + offset, count: length, label: label)
    }

    func check(_ offset: Int, _ length: Int) throws {
        guard offset >= 0, length >= 0, offset <= count, length <= count - offset else {
            throw ArrowIPCError.malformed("\(label): \(length) bytes at offset \(offset) lie outside its \(count) bytes")
        }
    }

    /// A fixed-width little-endian integer at `offset` (relative to the window).
    func load<T: FixedWidthInteger>(_ offset: Int, as type: T.Type) throws -> T {
        try check(offset, MemoryLayout<T>.size)
        return loadUnchecked(offset, as: type)
    }

    /// A read whose range the caller has already checked with `check`.
    func loadUnchecked<T: FixedWidthInteger>(_ offset: Int, as type: T.Type) -> T {
        bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: start + offset, as: T.self)) }
    }

    /// Bit `index` of a bitmap (least significant bit first); the caller has checked the range.
    func bit(_ index: Int) -> Bool {
        bytes[start + (index >> 3)] & (1 << UInt8(index & 7)) != 0
    }

    /// `length` bytes at `offset` as UTF-8 text (invalid sequences become U+FFFD).
    func string(_ offset: Int, _ length: Int) throws -> String {
        try check(offset, length)
        return bytes.withUnsafeBytes { String(decoding: $0[(start + offset) ..< (start + offset + length)], as: UTF8.self) }
    }

    func array(_ offset: Int, _ length: Int) throws -> [UInt8] {
        try check(offset, length)
        return Array(bytes[(start + offset) ..< (start + offset + length)])
    }
}
