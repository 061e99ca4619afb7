import ArrowIPC
import Foundation
import SwiftDBT

/// Turns the Arrow IPC streams of one `ExecutePlan` call (one per `arrow_batch`, in order) into a `QueryResult`,
/// read by the `ArrowIPC` target.
///
/// Values as the core takes them: integers, floating point and booleans as themselves; decimals as `real`, as the
/// PostgreSQL adapter gives `numeric`; dates and timestamps as ISO text (`YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS[.ffffff]`,
/// a zoned timestamp as the wall clock of `zone`, as dbt-spark gets it) with their column marked temporal; anything
/// else as its text.
enum SparkResultDecoder {
    static func decode(_ streams: [Data], limit: Int?, zone: TimeZone = .current) throws -> QueryResult {
        guard let first = streams.first else { return QueryResult(columns: [], rows: []) }
        var table = try ArrowStreamReader.read(first)
        for stream in streams.dropFirst() {
            if let limit, table.rowCount >= limit { break }
            try table.append(try ArrowStreamReader.read(stream))
        }
        let fields = table.schema.fields
        var result = QueryResult(columns: fields.map(\.name), rows: [], temporal: fields.map { temporalKind($0.type) })
        let count = min(table.rowCount, limit ?? table.rowCount)
        result.rows.reserveCapacity(count)
        for row in 0..<count {
            result.rows.append(table.columns.map { value($0.values[row], zone: zone) })
        }
        return result
    }

    private static func temporalKind(_ type: ArrowType) -> TemporalKind? {
        switch type {
        case .date32, .date64: return .date
        case .timestamp: return .timestamp
        default: return nil
        }
    }

    private static func value(_ cell: ArrowValue, zone: TimeZone) -> DatabaseValue {
        switch cell {
        case .null: return .null
        case .bool(let bool): return .bool(bool)
        case .int(let int): return .integer(int)
        case .uint(let uint): return Int64(exactly: uint).map(DatabaseValue.integer) ?? .text(String(uint))
        case .double(let double): return .real(double)
        case .decimal(let decimal):
            let text = decimal.description
            return Double(text).map(DatabaseValue.real) ?? .text(text)
        case .string(let text): return .text(text)
        case .binary(let bytes): return .blob(bytes)
        case .date(let days): return .text(SparkTemporalText.date(Int64(days)))
        case .date64(let milliseconds): return .text(SparkTemporalText.date(milliseconds: milliseconds))
        case .timestamp(let raw, let unit, nil): return .text(SparkTemporalText.timestamp(raw, perSecond: SparkTemporalText.perSecond(unit)))
        case .timestamp(let raw, let unit, _?): return .text(SparkTemporalText.timestamp(raw, perSecond: SparkTemporalText.perSecond(unit), in: zone))
        default: return .text(String(describing: cell))
        }
    }
}
