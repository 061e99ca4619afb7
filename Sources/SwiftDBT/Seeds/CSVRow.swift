/// One data row of a CSV file, as `CSVReader.nextRow()` returns it: valid until the reader moves on.
public struct CSVRow {
    /// The 1-based line the row starts on (a quoted field may carry it over several lines).
    public let line: Int
    /// The number of fields, which is the header's.
    public let count: Int
    private let bytes: UnsafePointer<UInt8>
    private let fieldEnds: UnsafePointer<Int>
    private let fieldColumns: UnsafePointer<Int>
    /// Keeps the reader, which owns the memory the pointers point into, alive.
    private let owner: CSVReader

    init(line: Int, record: borrowing CSVRecordBuffer, owner: CSVReader) {
        self.line = line
        count = record.fieldCount
        bytes = UnsafePointer(record.bytes)
        fieldEnds = UnsafePointer(record.fieldEnds)
        fieldColumns = UnsafePointer(record.fieldColumns)
        self.owner = owner
    }

    /// Field `index` (0-based) as text; nil when empty, quoted (`""`) or not, or out of range.
    public subscript(index: Int) -> String? {
        guard (0..<count).contains(index) else { return nil }
        let field = bytes(of: index)
        return field.isEmpty ? nil : String(decoding: field, as: UTF8.self)
    }

    /// All fields, as the subscript gives them.
    public var fields: [String?] {
        (0..<count).map { self[$0] }
    }

    /// The 1-based column where field `index` starts, for error messages.
    public func column(of index: Int) -> Int {
        (0..<count).contains(index) ? fieldColumns[index] : 1
    }

    /// Field `index`'s raw UTF-8 bytes, valid while the row is; `index` must be below `count`
    /// (every row has exactly the header's field count, which the callers iterate).
    func bytes(of index: Int) -> UnsafeBufferPointer<UInt8> {
        guard (0..<count).contains(index) else { return UnsafeBufferPointer(start: nil, count: 0) }
        let start = index == 0 ? 0 : fieldEnds[index - 1]
        return UnsafeBufferPointer(start: bytes + start, count: fieldEnds[index] - start)
    }
}
