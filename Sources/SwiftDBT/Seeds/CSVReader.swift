/// Streams a CSV file (RFC 4180) record by record: the header first, then rows with their line numbers.
///
/// Reads 64 KiB at a time, so memory stays bounded by the largest record, not the file. Accepts quoted
/// fields with delimiters, doubled quotes and line breaks inside, LF, CRLF or CR line endings, and a
/// leading UTF-8 byte order mark; skips blank lines. Every problem is a `DBTError` at the file, line and
/// column (in bytes) where it is: a quote inside an unquoted field, text after a closing quote, a quoted
/// field left open, invalid UTF-8, a row whose field count differs from the header's, an empty file, and
/// an empty or repeated column name.
public final class CSVReader {
    /// The column names, as the first record gives them.
    public let header: [String]
    private var scanner: CSVScanner

    /// Opens `path` and reads its header.
    /// - Parameter delimiter: the field separator, dbt's `delimiter` seed config: one ASCII character
    ///   other than a quote or a line break.
    public convenience init(path: String, delimiter: String = ",") throws {
        try self.init(path: path, delimiter: delimiter, chunkSize: CSVChunkedFile.defaultChunkSize)
    }

    /// Reads `chunkSize` bytes at a time: tests make it tiny so chunk boundaries fall everywhere.
    init(path: String, delimiter: String, chunkSize: Int) throws {
        let separator = try Self.separator(delimiter, path: path)
        var scanner = try CSVScanner(file: CSVChunkedFile(path: path, chunkSize: chunkSize), delimiter: separator)
        guard try scanner.readRecord() else {
            throw DBTError(.project, "the file is empty: a seed needs a header row naming its columns",
                           at: FileLocation(path: path, line: 1, column: 1))
        }
        try Self.checkUTF8(scanner)
        header = try Self.columnNames(of: scanner)
        self.scanner = scanner
    }

    /// Reads the rows of a file whose header is known from file offset `start`, which must start a line;
    /// lines count from 1 there.
    init(path: String, delimiter: String, header: [String], startingAt start: Int, chunkSize: Int) throws {
        let separator = try Self.separator(delimiter, path: path)
        scanner = try CSVScanner(file: CSVChunkedFile(path: path, chunkSize: chunkSize, startingAt: start),
                                 delimiter: separator)
        self.header = header
    }

    /// The file offset of the next byte to read.
    var offset: Int { scanner.offset }

    /// The line of the next byte to read.
    var line: Int { scanner.line }

    private static func separator(_ delimiter: String, path: String) throws -> UInt8 {
        guard let separator = delimiter.utf8.first, delimiter.utf8.count == 1, separator < 0x80,
              !"\"\r\n".utf8.contains(separator) else {
            throw DBTError(.project, "the seed delimiter must be one ASCII character other than a quote or a line break, "
                                     + "not '\(delimiter)'", at: FileLocation(path: path, line: 1, column: 1))
        }
        return separator
    }

    /// The next row, or nil after the last; the row's contents are valid until the next call.
    public func nextRow() throws -> CSVRow? {
        try nextRow(startingBefore: .max)
    }

    /// The next row when it starts before file offset `limit` (blank lines skipped), else nil.
    func nextRow(startingBefore limit: Int) throws -> CSVRow? {
        try scanner.skipBlankLines()
        guard scanner.offset < limit, try scanner.readRecord() else { return nil }
        let fieldCount = scanner.record.fieldCount
        if fieldCount != header.count {
            let column = fieldCount > header.count ? scanner.record.fieldColumns[header.count] : 1
            throw DBTError(.project, "row has \(fieldCount) field\(fieldCount == 1 ? "" : "s"), the header has \(header.count)",
                           at: FileLocation(path: scanner.path, line: scanner.recordLine, column: column))
        }
        try Self.checkUTF8(scanner)
        return CSVRow(line: scanner.recordLine, record: scanner.record, owner: self)
    }

    private static func checkUTF8(_ scanner: borrowing CSVScanner) throws {
        guard let field = scanner.record.firstFieldWithInvalidUTF8() else { return }
        throw DBTError(.project, "field \(field + 1) is not valid UTF-8",
                       at: FileLocation(path: scanner.path, line: scanner.recordLine,
                                        column: scanner.record.fieldColumns[field]))
    }

    /// The header record's names; each must be non-blank and unique.
    private static func columnNames(of scanner: borrowing CSVScanner) throws -> [String] {
        var names: [String] = []
        var seen: [String: Int] = [:]
        for index in 0..<scanner.record.fieldCount {
            let name = String(decoding: scanner.record.field(index), as: UTF8.self)
            let location = FileLocation(path: scanner.path, line: scanner.recordLine,
                                        column: scanner.record.fieldColumns[index])
            if name.allSatisfy(\.isWhitespace) {
                throw DBTError(.project, "column \(index + 1) of the header has no name", at: location)
            }
            if let first = seen[name] {
                throw DBTError(.project, "column name '\(name)' appears twice in the header "
                                         + "(columns \(first + 1) and \(index + 1))", at: location)
            }
            seen[name] = index
            names.append(name)
        }
        return names
    }
}
