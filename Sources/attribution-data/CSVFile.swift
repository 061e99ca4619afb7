import Foundation

/// Writes one CSV file row by row (buffered, so millions of rows stream without piling up).
final class CSVFile {
    private let handle: FileHandle
    private var buffer = ""

    init(_ folder: String, _ name: String, header: [String]) throws {
        let path = (folder as NSString).appendingPathComponent(name)
        FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        self.handle = handle
        write(header)
    }

    func write(_ fields: [String]) {
        buffer += fields.map(CSVFile.escape).joined(separator: ",") + "\n"
        if buffer.utf8.count > 1 << 20 { flush() }
    }

    func close() {
        flush()
        try? handle.close()
    }

    private func flush() {
        handle.write(Data(buffer.utf8))
        buffer = ""
    }

    private static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
