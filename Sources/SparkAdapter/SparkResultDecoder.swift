import Foundation
import SwiftDBT

/// Turns the Arrow IPC streams of one `ExecutePlan` call (one per `arrow_batch`, in order) into a `QueryResult`.
///
/// The one place the adapter reads Arrow: `SparkArrowStream` is a stopgap reader of the flat column types
/// Spark returns until the `ArrowIPC` target replaces it here.
enum SparkResultDecoder {
    static func decode(_ streams: [Data], limit: Int?) throws -> QueryResult {
        var result = QueryResult(columns: [], rows: [])
        for stream in streams {
            let table = try SparkArrowStream(Array(stream))
            if result.columns.isEmpty {
                result.columns = table.fields.map(\.name)
                result.temporal = table.fields.map(\.temporal)
            }
            for row in table.rows {
                if let limit, result.rows.count >= limit { return result }
                result.rows.append(row)
            }
        }
        return result
    }
}
