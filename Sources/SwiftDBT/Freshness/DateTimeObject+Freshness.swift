extension DateTimeObject {
    /// Timestamp text as a `datetime`: `YYYY-MM-DD HH:MM:SS[.ffffff]` (or with `T`), with or without an offset or
    /// `Z` (sources.json's times, SQLite's text timestamps); nil when the text is not one.
    static func reading(_ text: String) -> DateTimeObject? {
        var clock = text.trimmingCharacters(in: .whitespaces)
        let separator = clock.index(clock.startIndex, offsetBy: 10, limitedBy: clock.endIndex)
        if let separator, separator < clock.endIndex, clock[separator] == "T" {
            clock.replaceSubrange(separator...separator, with: " ")
        }
        if clock.hasSuffix("Z") { clock = String(clock.dropLast()) + "+00" }
        for kind in [TemporalKind.zonedTimestamp, .timestamp] {
            if case .object(let time as DateTimeObject) = ResultTable.temporal(.text(clock), kind) { return time }
        }
        return nil
    }

    /// The instant in microseconds since 0001-01-01 (UTC), a time without a zone taken as UTC (as dbt takes a load time).
    var utcMicroseconds: Int64 { zone == nil ? local : local - Int64(offset) * 1_000_000 }
}
