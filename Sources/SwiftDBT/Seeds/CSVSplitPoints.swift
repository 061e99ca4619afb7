#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where to cut a CSV file into parts that can be read at the same time.
///
/// A cut is the start of a line that is not blank and follows an even number of quote characters. In a
/// well-formed file every quote opens or closes a quoted field or is one of a doubled pair inside one, so
/// such a line starts a record. A file that is malformed before the cut may fool this; the readers of
/// the parts check each cut they reach (`PartitionedSeedInference`).
enum CSVSplitPoints {
    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// For each of `targets` (increasing file offsets), the first cut at or after it and after the cut
    /// before, found in one pass from the start of the file; fewer cuts when the file ends first.
    static func find(in path: String, targets: [Int], chunkSize: Int) throws -> [Int] {
        var file = try CSVChunkedFile(path: path, chunkSize: chunkSize)
        var cuts: [Int] = []
        var quotes = 0
        var previous: UInt8 = 0
        while cuts.count < targets.count, try file.refill() {
            let bytes = UnsafeBufferPointer(start: file.buffer, count: file.count)
            let end = file.offset + file.count
            // Chunks wholly before the next target only need their quotes counted.
            guard end > targets[cuts.count] else {
                quotes &+= quoteCount(bytes)
                previous = bytes[bytes.count - 1]
                continue
            }
            for (index, byte) in bytes.enumerated() where cuts.count < targets.count {
                let offset = file.offset + index
                if offset >= targets[cuts.count], previous == lineFeed, quotes & 1 == 0, byte != lineFeed,
                   byte != carriageReturn {
                    cuts.append(offset)
                }
                if byte == quote { quotes &+= 1 }
                previous = byte
            }
        }
        return cuts
    }

    /// The quotes in `bytes`, found with `memchr`: most files have few or none, so this costs little more
    /// than reading them.
    private static func quoteCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard var next = bytes.baseAddress else { return 0 }
        let end = next + bytes.count
        var count = 0
        while next < end, let found = memchr(next, Int32(quote), end - next) {
            count += 1
            next = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return count
    }
}
