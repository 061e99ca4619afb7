import Foundation

/// What dbt-core 1.10 snapshotted from the fixture `execution/snapshots` (recorded by
/// scripts/record-snapshot-reference.py into `reference/snapshots.json`): after each of four builds, every
/// snapshot's columns and rows, normalised as `normalised(columns:rows:)` normalises swiftdbt's.
public struct SnapshotReference {
    /// One build: its exit code, the nodes that failed and each snapshot's table.
    public struct Step {
        public let step: Int
        public let exitCode: Int32
        public let failed: [String]
        public let tables: [String: Table]
    }

    /// A snapshot's column names and normalised rows.
    public struct Table: Equatable, CustomStringConvertible {
        public let columns: [String]
        public let rows: [[String?]]

        public var description: String {
            ([columns.joined(separator: "|")] + rows.map { $0.map { $0 ?? "null" }.joined(separator: "|") }).joined(separator: "\n")
        }
    }

    /// The steps recorded for `adapter` (`sqlite`, `postgres`).
    public static func load(_ file: URL, adapter: String) throws -> [Step] {
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        guard let steps = document?[adapter] as? [[String: Any]] else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: file.path])
        }
        return steps.compactMap { step in
            guard let number = step["step"] as? Int, let code = step["exit_code"] as? Int,
                  let snapshots = step["snapshots"] as? [String: [String: Any]] else { return nil }
            return Step(step: number, exitCode: Int32(code), failed: step["failed"] as? [String] ?? [], tables: snapshots.compactMapValues { table in
                guard let columns = table["columns"] as? [String], let rows = table["rows"] as? [[Any]] else { return nil }
                return Table(columns: columns, rows: rows.map { $0.map { $0 as? String } })
            })
        }
    }

    /// Rows as the recording script normalises them: values as text; a time a run made (from 2025 on: the
    /// fixture's data is from 2024, `dbt_valid_to_current` 9999) as `<now>`; the `dbt_scd_id` of a row whose
    /// `dbt_updated_at` is such a time (a hash of it) as `<scd>`; rows sorted.
    public static func normalised(columns: [String], rows: [[String?]]) -> Table {
        let scd = columns.firstIndex(of: "dbt_scd_id"), updated = columns.firstIndex(of: "dbt_updated_at")
        let result = rows.map { row -> [String?] in
            var values = row.map { value in value.map { isRunTime($0) ? "<now>" : $0 } }
            if let scd, let updated, values[updated] == "<now>" { values[scd] = "<scd>" }
            return values
        }
        return Table(columns: columns, rows: result.sorted { a, b in
            a.map { $0 ?? "" }.lexicographicallyPrecedes(b.map { $0 ?? "" })
        })
    }

    private static func isRunTime(_ text: String) -> Bool {
        let digits = Array(text.utf8.prefix(5))
        guard digits.count == 5, digits[4] == UInt8(ascii: "-"), digits[0..<4].allSatisfy({ (48...57).contains($0) }),
              let year = Int(String(decoding: digits[0..<4], as: UTF8.self)) else { return false }
        return (2025...2099).contains(year)
    }
}
