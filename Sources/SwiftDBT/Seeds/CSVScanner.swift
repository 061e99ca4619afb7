/// The RFC 4180 state machine: splits a chunked file into records of unescaped fields, tracking lines and columns.
///
/// Noncopyable, like the file and record buffer it owns, so its per-byte work needs no run-time exclusivity checks.
struct CSVScanner: ~Copyable {
    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    private(set) var record = CSVRecordBuffer()
    /// The line the current record starts on.
    private(set) var recordLine = 0
    private var file: CSVChunkedFile
    private let delimiter: UInt8
    /// The next byte to read in the file's current chunk.
    private var position = 0
    /// The line of the next byte: 1 where the file (or the part of it read) starts.
    private(set) var line = 1
    /// The file offset of the current line's first byte.
    private var lineStart = 0

    /// Reads from where `file` starts, which must be the start of a line.
    init(file: consuming CSVChunkedFile, delimiter: UInt8) throws {
        self.file = file
        self.delimiter = delimiter
        let start = self.file.offset
        lineStart = start
        if try self.file.refill(), start == 0, self.file.count >= 3, self.file.buffer[0] == 0xEF, self.file.buffer[1] == 0xBB,
           self.file.buffer[2] == 0xBF {
            position = 3
            lineStart = 3
        }
    }

    var path: String { file.path }

    /// The file offset of the next byte.
    var offset: Int { file.offset + position }

    /// The 1-based column of the next byte.
    private var column: Int { file.offset + position - lineStart + 1 }

    /// The next byte, without consuming it; nil at the end of the file.
    private mutating func peek() throws -> UInt8? {
        if position == file.count {
            let refilled = try file.refill()
            position = 0
            guard refilled else { return nil }
        }
        return file.buffer[position]
    }

    /// Consumes the line break at `position` (LF, CRLF or a lone CR), appending it to the field when `keepingIt`.
    private mutating func consumeLineBreak(keepingIt: Bool = false) throws {
        let first = file.buffer[position]
        position += 1
        if keepingIt { record.append(first) }
        if first == Self.carriageReturn, try peek() == Self.lineFeed {
            position += 1
            if keepingIt { record.append(Self.lineFeed) }
        }
        line += 1
        lineStart = file.offset + position
    }

    /// Consumes line breaks up to the next record (or the end of the file).
    mutating func skipBlankLines() throws {
        while let byte = try peek(), byte == Self.lineFeed || byte == Self.carriageReturn {
            try consumeLineBreak()
        }
    }

    /// Reads the next record into `record`, skipping blank lines; false at the end of the file.
    mutating func readRecord() throws -> Bool {
        record.removeAll()
        try skipBlankLines()
        guard try peek() != nil else { return false }
        recordLine = line
        var recordEnded = false
        while !recordEnded {
            record.beginField(column: column)
            recordEnded = try peek() == Self.quote ? try readQuotedField() : try readUnquotedField()
            record.endField()
        }
        return true
    }

    /// Reads a field up to its delimiter or line break; true when that ended the record.
    private mutating func readUnquotedField() throws -> Bool {
        let delimiter = delimiter
        while true {
            guard try peek() != nil else { return true }
            let bytes = file.buffer
            let end = file.count
            let start = position
            var index = start
            // Text bytes are above the quote (0x22) nearly always: one comparison each.
            while index < end {
                let byte = bytes[index]
                if byte > Self.quote && byte != delimiter { index += 1; continue }
                if byte == delimiter || byte == Self.quote || byte == Self.lineFeed || byte == Self.carriageReturn {
                    break
                }
                index += 1
            }
            record.append(bytes + start, count: index - start)
            position = index
            guard index < end else { continue }
            switch bytes[index] {
            case delimiter:
                position += 1
                return false
            case Self.quote:
                throw error("a quote inside an unquoted field (quote the whole field and double the quotes inside it)")
            default:
                try consumeLineBreak()
                return true
            }
        }
    }

    /// Reads a field that starts with a quote, up to the closing quote; true when the record ends after it.
    private mutating func readQuotedField() throws -> Bool {
        let startLine = line
        let startColumn = column
        position += 1
        while true {
            guard try peek() != nil else {
                throw DBTError(.project, "a quoted field is not closed before the end of the file",
                               at: FileLocation(path: path, line: startLine, column: startColumn))
            }
            let bytes = file.buffer
            let end = file.count
            let start = position
            var index = start
            while index < end, bytes[index] != Self.quote, bytes[index] != Self.lineFeed,
                  bytes[index] != Self.carriageReturn {
                index += 1
            }
            record.append(bytes + start, count: index - start)
            position = index
            guard index < end else { continue }
            if bytes[index] != Self.quote {
                // A line break inside quotes belongs to the field, as written.
                try consumeLineBreak(keepingIt: true)
                continue
            }
            position += 1
            switch try peek() {
            case nil:
                return true
            case Self.quote:
                record.append(Self.quote)
                position += 1
            case delimiter:
                position += 1
                return false
            case Self.lineFeed, Self.carriageReturn:
                try consumeLineBreak()
                return true
            default:
                throw error("text after the closing quote of a quoted field")
            }
        }
    }

    private func error(_ message: String) -> DBTError {
        DBTError(.project, message, at: FileLocation(path: path, line: line, column: column))
    }
}
