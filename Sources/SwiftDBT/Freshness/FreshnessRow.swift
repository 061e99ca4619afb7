import Jinja

/// What `collect_freshness` returned, read as dbt's adapter reads it: `load_result(...)` (its response and a
/// table of one row of two values), or a bare table (no response), each value a timestamp taken as UTC
/// when it has no time zone, and a newest `loaded_at` of null as the year 1 (an empty table is as old as can be).
struct FreshnessRow {
    var maxLoadedAt: Int64
    var snapshottedAt: Int64
    var response: StatementStatus?

    /// `0001-01-01 00:00:00`: the start of Python's (and `DateTimeObject`'s) count of microseconds.
    static let yearOne: Int64 = 0

    init(_ returned: Value, macro: String, source: SourceTable) throws {
        var tableValue = returned
        if case .dict(let entries) = returned {
            tableValue = entries["table"] ?? .none
            if case .object(let reported as StatementResponse)? = entries["response"] {
                response = StatementStatus(message: reported.message, code: reported.code, rowsAffected: reported.rowsAffected)
            }
        }
        guard case .object(let table as ResultTable) = tableValue, table.rows.count == 1, table.rows[0].count == 2 else {
            throw DBTError(.execution, "Got an unexpected result from macro \(macro): \(returned.repr) (expected one row of "
                           + "max_loaded_at and snapshotted_at)", at: source.definedAt)
        }
        let row = table.rows[0]
        if case .none = row[0] {
            maxLoadedAt = Self.yearOne
        } else {
            maxLoadedAt = try Self.instant(row[0], field: "max_loaded_at", source: source)
        }
        snapshottedAt = try Self.instant(row[1], field: "snapshotted_at", source: source)
    }

    /// A returned value in microseconds since 0001-01-01 (UTC), as `DateTimeObject` counts. A `datetime` with a zone is converted; one without is
    /// UTC. Text (SQLite has no timestamp type) is read as a timestamp (`DateTimeObject.reading`), where dbt-sqlite
    /// hands it on unread and fails.
    private static func instant(_ value: Value, field: String, source: SourceTable) throws -> Int64 {
        switch value {
        case .object(let time as DateTimeObject) where !time.isDate:
            return time.utcMicroseconds
        case .string(let text):
            if let time = DateTimeObject.reading(text) { return time.utcMicroseconds }
        case .none:
            throw DBTError(.execution, "Expected a non-null value when querying field '\(field)' of table \(source.sourceName).\(source.name) "
                           + "but received value 'None' instead", at: source.definedAt)
        default:
            break
        }
        throw DBTError(.execution, "Expected a timestamp value when querying field '\(field)' of table "
                       + "\(source.sourceName).\(source.name) but received \(value.repr) instead", at: source.definedAt)
    }
}
