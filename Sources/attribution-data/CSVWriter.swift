import Foundation

/// Writes one CSV file row by row through a buffer, so any number of rows takes constant memory.
final class CSVWriter {
    private let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let columnCount: Int
    private(set) var rowCount = 0
    /// The first row written with the wrong number of fields (a generator bug), reported by `close()`.
    private var misshapenRow: String?

    init(path: String, columns: [String]) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw GeneratorError("cannot create \(path)")
        }
        self.path = path
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        columnCount = columns.count
        buffer.reserveCapacity(1 << 20)
        append(columns.map { Optional($0) })
        rowCount = 0
    }

    /// Appends one row; nil and empty strings are written as empty fields (NULL when loaded). A row with
    /// the wrong number of fields is left out and makes `close()` fail.
    func write(_ fields: [String?]) {
        guard fields.count == columnCount else {
            if misshapenRow == nil { misshapenRow = "row \(rowCount + 1) has \(fields.count) fields, the header \(columnCount)" }
            return
        }
        append(fields)
        rowCount += 1
        if buffer.count >= 1 << 20 { flush() }
    }

    private func append(_ fields: [String?]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            guard let field else { continue }
            let bytes = Array(field.utf8)
            if bytes.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) {
                buffer.append(UInt8(ascii: "\""))
                for byte in bytes {
                    if byte == UInt8(ascii: "\"") { buffer.append(byte) }
                    buffer.append(byte)
                }
                buffer.append(UInt8(ascii: "\""))
            } else {
                buffer.append(contentsOf: bytes)
            }
        }
        buffer.append(10)
    }

    func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        flush()
        try handle.close()
        if let misshapenRow { throw GeneratorError("\(path): \(misshapenRow)") }
    }
}

/// A generator failure with a message for the command line.
struct GeneratorError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
