#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file read front to back in fixed-size chunks into one reused buffer, so memory does not grow with its size.
///
/// A noncopyable struct rather than a class: its state changes on every byte read, and struct accesses
/// are checked for exclusivity at compile time instead of at run time.
struct CSVChunkedFile: ~Copyable {
    static let defaultChunkSize = 64 * 1024

    let path: String
    private let chunkSize: Int
    /// The current chunk; `count` bytes are valid.
    let buffer: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    /// The file offset of `buffer[0]`.
    private(set) var offset = 0
    private let file: UnsafeMutablePointer<FILE>

    /// - Parameter chunkSize: raised to at least 3, so a byte order mark fits in the first chunk.
    /// - Parameter start: the file offset of the first byte to read.
    init(path: String, chunkSize requested: Int = defaultChunkSize, startingAt start: Int = 0) throws {
        let chunkSize = max(3, requested)
        guard let file = fopen(path, "rb") else {
            let reason = String(cString: strerror(errno))
            throw DBTError(.project, "cannot open \(path): \(reason)", at: FileLocation(path: path, line: 1, column: 1))
        }
        if start > 0, fseeko(file, off_t(start), SEEK_SET) != 0 {
            let reason = String(cString: strerror(errno))
            fclose(file)
            throw DBTError(.project, "cannot read \(path): \(reason)")
        }
        self.path = path
        offset = start
        self.file = file
        self.chunkSize = chunkSize
        buffer = .allocate(capacity: chunkSize)
    }

    deinit {
        fclose(file)
        buffer.deallocate()
    }

    /// Replaces the chunk with the next one; false at the end of the file.
    mutating func refill() throws -> Bool {
        offset += count
        count = fread(buffer, 1, chunkSize, file)
        if count == 0 && ferror(file) != 0 {
            throw DBTError(.project, "cannot read \(path): \(String(cString: strerror(errno)))")
        }
        return count > 0
    }
}
