import Foundation

/// Infers a seed's column types with the file cut into parts that are read on all cores at once, giving
/// exactly what one pass from front to back gives, errors included.
///
/// `CSVSplitPoints` picks the cuts. Each part's reader starts at its cut and reads rows until it lands
/// exactly on a later cut, normally the next one, which proves that cut starts a record; a reader that
/// goes past a cut (which is then inside a record) goes on to the next. Following the landings from the
/// first part gives the parts a single pass reads, in order; the other parts are dropped. Each column
/// keeps the types that all those parts' values fit (`SeedTypeInferrer.merge`), and the first error met
/// along the way is the single pass's, its line moved on by the lines of the parts before it.
struct PartitionedSeedInference {
    let file: SeedFile
    /// The most parts to cut the file into: one per core.
    var parts = ProcessInfo.processInfo.activeProcessorCount
    /// The fewest bytes worth a part of their own: smaller files take milliseconds in one part.
    var minimumPartSize = 1 << 20
    var chunkSize = CSVChunkedFile.defaultChunkSize

    /// What one part's reader found: the types its rows fit, and where it stopped.
    private struct Part: Sendable {
        var inferrer: SeedTypeInferrer
        /// The index of the cut the reader landed on; the number of cuts when it read to the end of the file.
        var end: Int
        /// The line breaks read from the part's cut to where it stopped.
        var lines: Int
    }

    /// The file's columns with their types.
    func columns() throws -> [SeedColumn] {
        let headerReader = try CSVReader(path: file.path, delimiter: file.delimiter, chunkSize: chunkSize)
        let start = headerReader.offset
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        let count = max(1, min(parts, (size - start) / max(1, minimumPartSize)))
        let targets = (1..<count).map { start + 1 + (size - start) * $0 / count }
        let cuts = try CSVSplitPoints.find(in: file.path, targets: targets, chunkSize: chunkSize)
        return try columns(header: headerReader.header, cuts: [start] + cuts, firstLine: headerReader.line)
    }

    /// The columns, with the rows read in parts from `cuts` (increasing file offsets, the first where the
    /// rows start, on line `firstLine`); the other cuts may fall anywhere, inside records too.
    func columns(header: [String], cuts: [Int], firstLine: Int) throws -> [SeedColumn] {
        let results = ParallelMap.map(Array(cuts.indices)) { index in
            Result { try read(from: index, of: cuts, header: header) }
        }
        var inferrer = SeedTypeInferrer(columnNames: header, columnTypes: file.columnTypes)
        var index = 0
        var linesBefore = firstLine - 1
        while index < cuts.count {
            let part: Part
            do {
                part = try results[index].get()
            } catch var error as DBTError {
                error.location?.line += linesBefore
                throw error
            }
            inferrer.merge(part.inferrer)
            linesBefore += part.lines
            index = part.end
        }
        return inferrer.columns
    }

    /// Reads the rows from `cuts[index]` until the reader lands on a later cut or the file ends; lines
    /// count from 1 at the cut.
    private func read(from index: Int, of cuts: [Int], header: [String]) throws -> Part {
        let reader = try CSVReader(path: file.path, delimiter: file.delimiter, header: header,
                                   startingAt: cuts[index], chunkSize: chunkSize)
        var inferrer = SeedTypeInferrer(columnNames: header, columnTypes: file.columnTypes)
        var next = index + 1
        while true {
            let limit = next < cuts.count ? cuts[next] : .max
            while let row = try reader.nextRow(startingBefore: limit) { inferrer.add(row) }
            // Short of the limit only at the end of the file; past it when the cut is inside a record.
            guard reader.offset > limit else { break }
            next += 1
        }
        return Part(inferrer: inferrer, end: next, lines: reader.line - 1)
    }
}
