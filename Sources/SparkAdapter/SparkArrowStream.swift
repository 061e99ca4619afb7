import SwiftDBT

/// A stopgap Arrow IPC stream reader for the flat types Spark returns (null, boolean, integers, floating point,
/// decimal128, utf8, binary, date32, timestamp); anything else, and compressed bodies, are refused by name.
/// Every read is bounds-checked: a malformed stream is an error, never a crash.
struct SparkArrowStream {
    struct Field {
        var name: String
        var type: UInt8
        var typeTable: Int?
        var temporal: TemporalKind?
    }

    private(set) var fields: [Field] = []
    private(set) var rows: [[DatabaseValue]] = []
    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        var position = 0
        while position + 4 <= bytes.count {
            var length = Int(try u32(position))
            position += 4
            if length == 0xFFFF_FFFF {
                length = Int(try u32(position))
                position += 4
            }
            if length == 0 { break }
            let metadata = position
            position += length
            let message = try table(root: metadata)
            let headerType = try scalarU8(message, field: 1)
            guard let header = try offsetField(message, field: 2) else { throw SparkArrowStream.error("a message without a header") }
            let bodyLength = Int(try scalarI64(message, field: 3))
            let body = position
            guard bodyLength >= 0, body + bodyLength <= bytes.count else { throw SparkArrowStream.error("a body past the end") }
            position += bodyLength
            switch headerType {
            case 1: fields = try readSchema(header)
            case 3: rows += try readBatch(header, body: body, bodyLength: bodyLength)
            default: throw SparkArrowStream.error("message type \(headerType) (dictionaries are not read)")
            }
        }
    }

    static func error(_ what: String) -> DBTError {
        DBTError(.execution, "Spark returned an Arrow result swiftdbt cannot read: \(what)")
    }

    // MARK: Flatbuffers

    private func u8(_ at: Int) throws -> UInt8 {
        guard at >= 0, at < bytes.count else { throw SparkArrowStream.error("a read past the end") }
        return bytes[at]
    }

    private func u16(_ at: Int) throws -> UInt16 { UInt16(try u8(at)) | UInt16(try u8(at + 1)) << 8 }
    private func u32(_ at: Int) throws -> UInt32 { UInt32(try u16(at)) | UInt32(try u16(at + 2)) << 16 }
    private func u64(_ at: Int) throws -> UInt64 { UInt64(try u32(at)) | UInt64(try u32(at + 4)) << 32 }

    private func table(root: Int) throws -> Int { root + Int(try u32(root)) }

    /// Where field `field` of the table at `table` is, or nil when absent.
    private func fieldPosition(_ table: Int, field: Int) throws -> Int? {
        let vtable = table - Int(Int32(bitPattern: try u32(table)))
        let size = Int(try u16(vtable))
        let slot = 4 + 2 * field
        guard slot + 2 <= size else { return nil }
        let offset = Int(try u16(vtable + slot))
        return offset == 0 ? nil : table + offset
    }

    private func scalarU8(_ table: Int, field: Int) throws -> UInt8 { try fieldPosition(table, field: field).map(u8) ?? 0 }
    private func scalarI16(_ table: Int, field: Int, default value: Int16 = 0) throws -> Int16 {
        try fieldPosition(table, field: field).map { Int16(bitPattern: try u16($0)) } ?? value
    }
    private func scalarI32(_ table: Int, field: Int, default value: Int32 = 0) throws -> Int32 {
        try fieldPosition(table, field: field).map { Int32(bitPattern: try u32($0)) } ?? value
    }
    private func scalarI64(_ table: Int, field: Int) throws -> Int64 {
        try fieldPosition(table, field: field).map { Int64(bitPattern: try u64($0)) } ?? 0
    }

    private func offsetField(_ table: Int, field: Int) throws -> Int? {
        guard let at = try fieldPosition(table, field: field) else { return nil }
        return at + Int(try u32(at))
    }

    private func string(_ table: Int, field: Int) throws -> String? {
        guard let at = try offsetField(table, field: field) else { return nil }
        let length = Int(try u32(at))
        guard at + 4 + length <= bytes.count else { throw SparkArrowStream.error("a string past the end") }
        return String(decoding: bytes[(at + 4)..<(at + 4 + length)], as: UTF8.self)
    }

    /// The position and length of a vector field.
    private func vector(_ table: Int, field: Int) throws -> (start: Int, count: Int) {
        guard let at = try offsetField(table, field: field) else { return (0, 0) }
        let count = Int(try u32(at))
        guard count <= bytes.count else { throw SparkArrowStream.error("a vector longer than the stream") }
        return (at + 4, count)
    }

    // MARK: Messages

    private func readSchema(_ schema: Int) throws -> [Field] {
        let list = try vector(schema, field: 1)
        return try (0..<list.count).map { index in
            let element = list.start + 4 * index
            let field = element + Int(try u32(element))
            let type = try scalarU8(field, field: 2)
            let typeTable = try offsetField(field, field: 3)
            var temporal: TemporalKind?
            if type == 8 { temporal = .date }
            if type == 10 { temporal = .timestamp }
            return Field(name: try string(field, field: 0) ?? "", type: type, typeTable: typeTable, temporal: temporal)
        }
    }

    private func readBatch(_ batch: Int, body: Int, bodyLength: Int) throws -> [[DatabaseValue]] {
        guard try fieldPosition(batch, field: 3) == nil else {
            throw SparkArrowStream.error("a compressed record batch")
        }
        let length = Int(try scalarI64(batch, field: 0))
        guard length >= 0, length <= bodyLength * 8 + 1_000_000 else { throw SparkArrowStream.error("an impossible row count") }
        let nodes = try vector(batch, field: 1)
        let buffers = try vector(batch, field: 2)
        guard nodes.count == fields.count else { throw SparkArrowStream.error("a batch whose columns do not match its schema") }
        var buffer = 0
        func next() throws -> (start: Int, length: Int) {
            guard buffer < buffers.count else { throw SparkArrowStream.error("too few buffers") }
            let at = buffers.start + 16 * buffer
            buffer += 1
            let offset = Int(Int64(bitPattern: try u64(at))), size = Int(Int64(bitPattern: try u64(at + 8)))
            guard offset >= 0, size >= 0, offset + size <= bodyLength else { throw SparkArrowStream.error("a buffer past the body") }
            return (body + offset, size)
        }
        var columns: [[DatabaseValue]] = []
        for field in fields {
            if field.type == 1 {
                columns.append(Array(repeating: .null, count: length))
                continue
            }
            let validity = try next()
            let valid: (Int) throws -> Bool = { row in
                validity.length == 0 ? true : (try self.u8(validity.start + row / 8) >> UInt8(row % 8)) & 1 == 1
            }
            columns.append(try readColumn(field, rows: length, valid: valid, next: next))
        }
        return (0..<length).map { row in columns.map { $0[row] } }
    }

    private func readColumn(_ field: Field, rows: Int, valid: (Int) throws -> Bool,
                            next: () throws -> (start: Int, length: Int)) throws -> [DatabaseValue] {
        let typeTable = field.typeTable ?? 0
        var values: [DatabaseValue] = []
        values.reserveCapacity(rows)
        switch field.type {
        case 2:  // Int
            let width = Int(try scalarI32(typeTable, field: 0)) / 8
            let signed = try scalarU8(typeTable, field: 1) != 0
            let data = try next()
            for row in 0..<rows {
                guard try valid(row) else { values.append(.null); continue }
                var raw: UInt64 = 0
                for byte in 0..<width { raw |= UInt64(try u8(data.start + row * width + byte)) << (8 * UInt64(byte)) }
                let shift = UInt64(64 - 8 * width)
                values.append(.integer(signed ? (Int64(bitPattern: raw << shift) >> Int64(shift)) : Int64(bitPattern: raw)))
            }
        case 3:  // FloatingPoint
            let precision = try scalarI16(typeTable, field: 0)
            let data = try next()
            for row in 0..<rows {
                guard try valid(row) else { values.append(.null); continue }
                values.append(.real(precision == 2 ? Double(bitPattern: try u64(data.start + row * 8))
                                    : Double(Float(bitPattern: try u32(data.start + row * 4)))))
            }
        case 4, 5:  // Binary, Utf8
            let offsets = try next(), data = try next()
            for row in 0..<rows {
                guard try valid(row) else { values.append(.null); continue }
                let from = Int(Int32(bitPattern: try u32(offsets.start + row * 4)))
                let to = Int(Int32(bitPattern: try u32(offsets.start + row * 4 + 4)))
                guard from >= 0, from <= to, to <= data.length else { throw SparkArrowStream.error("a string past its buffer") }
                let slice = Array(bytes[(data.start + from)..<(data.start + to)])
                values.append(field.type == 5 ? .text(String(decoding: slice, as: UTF8.self)) : .blob(slice))
            }
        case 6:  // Bool
            let data = try next()
            for row in 0..<rows {
                guard try valid(row) else { values.append(.null); continue }
                values.append(.bool((try u8(data.start + row / 8) >> UInt8(row % 8)) & 1 == 1))
            }
        case 7:  // Decimal
            let scale = Int(try scalarI32(typeTable, field: 1))
            let data = try next()
            for row in 0..<rows {
                guard try valid(row) else { values.append(.null); continue }
                let text = SparkArrowStream.decimal(low: try u64(data.start + row * 16), high: try u64(data.start + row * 16 + 8), scale: scale)
                values.append(Double(text).map(DatabaseValue.real) ?? .text(text))
            }
        case 8:  // Date
            let unit = try scalarI16(typeTable, field: 0, default: 1)
            let data = try next()
            for row in 0..<rows {
                guard try valid(row) else { values.append(.null); continue }
                let days = unit == 0 ? Int64(Int32(bitPattern: try u32(data.start + row * 4)))
                    : Int64(bitPattern: try u64(data.start + row * 8)) / 86_400_000
                values.append(.text(SparkArrowStream.date(days)))
            }
        case 10:  // Timestamp
            let perSecond: Int64 = [1, 1000, 1_000_000, 1_000_000_000][Int(max(0, min(3, try scalarI16(typeTable, field: 0))))]
            let data = try next()
            for row in 0..<rows {
                guard try valid(row) else { values.append(.null); continue }
                values.append(.text(SparkArrowStream.timestamp(Int64(bitPattern: try u64(data.start + row * 8)), perSecond: perSecond)))
            }
        default:
            throw SparkArrowStream.error("column '\(field.name)' has Arrow type \(field.type), which is not read yet")
        }
        return values
    }

    // MARK: Values

    /// A two's complement 128-bit unscaled value as exact decimal text with `scale` digits after the point.
    static func decimal(low: UInt64, high: UInt64, scale: Int) -> String {
        let negative = high >> 63 == 1
        var (hi, lo) = (high, low)
        if negative {
            (hi, lo) = (~hi, ~lo)
            let (sum, overflow) = lo.addingReportingOverflow(1)
            lo = sum
            if overflow { hi &+= 1 }
        }
        var digits: [Character] = []
        while hi != 0 || lo != 0 {
            let (qh, rh) = hi.quotientAndRemainder(dividingBy: 10)
            let (ql, rl) = UInt64(10).dividingFullWidth((high: rh, low: lo))
            (hi, lo) = (qh, ql)
            digits.append(Character(String(rl)))
        }
        while digits.count <= scale { digits.append("0") }
        var text = String(digits.reversed())
        if scale > 0 { text.insert(".", at: text.index(text.endIndex, offsetBy: -scale)) }
        return (negative ? "-" : "") + text
    }

    /// `YYYY-MM-DD` of a day count from 1970-01-01 (the proleptic Gregorian calendar).
    static func date(_ days: Int64) -> String {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// `YYYY-MM-DD HH:MM:SS[.ffffff]` (UTC) of a count of `1/perSecond` seconds from the epoch.
    static func timestamp(_ value: Int64, perSecond: Int64) -> String {
        var seconds = value / perSecond
        var fraction = value % perSecond
        if fraction < 0 { fraction += perSecond; seconds -= 1 }
        var days = seconds / 86_400
        var time = seconds % 86_400
        if time < 0 { time += 86_400; days -= 1 }
        var text = date(days) + " " + pad(time / 3600, 2) + ":" + pad(time / 60 % 60, 2) + ":" + pad(time % 60, 2)
        if fraction != 0 {
            let width = String(perSecond).count - 1
            var digits = pad(fraction, width)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text
    }

    private static func pad(_ number: Int64, _ width: Int) -> String {
        let digits = String(abs(number))
        return (number < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
