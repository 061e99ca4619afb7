import ArrowIPC
import Foundation
import XCTest

/// The fixtures written by scripts/record-arrow-fixtures.py and what pyarrow read back from them.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// The `fixtures` entries of expected.json (streams written by pyarrow) or expected-spark.json
    /// (streams as a Spark Connect server sent them).
    static func expected(_ file: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: folder.appendingPathComponent(file))
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try XCTUnwrap(root["fixtures"] as? [[String: Any]])
    }
}

/// A cell as expected.json writes it: null, text, or an array of cells.
indirect enum Cell: Equatable, CustomStringConvertible {
    case null
    case text(String)
    case list([Cell])

    /// A cell parsed from expected.json.
    init(json: Any) throws {
        switch json {
        case is NSNull: self = .null
        case let text as String: self = .text(text)
        case let items as [Any]: self = .list(try items.map(Cell.init(json:)))
        default: throw ArrowIPCError.malformed("expected.json holds a cell \(json)")
        }
    }

    /// A decoded value rendered as the recording script renders pyarrow's.
    init(_ value: ArrowValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .text(flag ? "true" : "false")
        case .int(let number): self = .text(String(number))
        case .uint(let number): self = .text(String(number))
        case .double(let number):
            let hex = String(number.bitPattern, radix: 16)
            self = .text(String(repeating: "0", count: 16 - hex.count) + hex)
        case .decimal(let decimal): self = .text(decimal.description)
        case .string(let text): self = .text(text)
        case .binary(let bytes): self = .text(bytes.map { String(format: "%02x", $0) }.joined())
        case .date(let days): self = .text(String(days))
        case .date64(let milliseconds): self = .text(String(milliseconds))
        case .time(let value, _), .timestamp(let value, _, _), .duration(let value, _): self = .text(String(value))
        case .list(let items), .struct(let items): self = .list(items.map(Cell.init))
        case .map(let entries): self = .list(entries.map { .list([Cell($0.key), Cell($0.value)]) })
        }
    }

    var description: String {
        switch self {
        case .null: return "null"
        case .text(let text): return "\"\(text)\""
        case .list(let items): return "[\(items.map(\.description).joined(separator: ", "))]"
        }
    }
}
