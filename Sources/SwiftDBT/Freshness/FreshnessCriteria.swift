/// A source table's `freshness:` as `source freshness` judges it: how old its newest row may be before the
/// check warns (`warn_after`) or fails (`error_after`), and the `filter` the newest row is taken under.
public struct FreshnessCriteria: Sendable, Equatable {
    /// `{count: 12, period: hour}`: a threshold counts only with both.
    public struct Threshold: Sendable, Equatable {
        public var count: Int
        public var period: Period

        /// The threshold in seconds.
        var seconds: Double { Double(count) * period.seconds }
    }

    /// The periods dbt allows.
    public enum Period: String, Sendable {
        case minute, hour, day

        var seconds: Double {
            switch self {
            case .minute: 60
            case .hour: 3600
            case .day: 86400
            }
        }
    }

    public var warnAfter: Threshold?
    public var errorAfter: Threshold?
    public var filter: String?
    /// The merged value as the manifest writes it (`criteria` in sources.json).
    public var written: ConfigValue

    /// The criteria of a merged `freshness` value (``SourceTable/freshnessValue``); nil when freshness is off
    /// (`freshness: null`) or neither threshold has both a count and a period, as dbt skips such a table.
    init?(_ value: ConfigValue) {
        guard case .dict = value else { return nil }
        func threshold(_ key: String) -> Threshold? {
            guard case .int(let count)? = value[key]?["count"], let name = value[key]?["period"]?.stringValue,
                  let period = Period(rawValue: name) else { return nil }
            return Threshold(count: count, period: period)
        }
        warnAfter = threshold("warn_after")
        errorAfter = threshold("error_after")
        guard warnAfter != nil || errorAfter != nil else { return nil }
        filter = value["filter"]?.stringValue
        written = value
    }

    /// dbt's status for a table whose newest row is `age` seconds old: `error` past `error_after`, else `warn`
    /// past `warn_after`, else `pass` (a threshold is passed only when the age is above it).
    func status(age: Double) -> FreshnessStatus {
        if let errorAfter, age > errorAfter.seconds { return .error }
        if let warnAfter, age > warnAfter.seconds { return .warn }
        return .pass
    }
}

/// The outcome of one table's freshness check, as sources.json and the console write it.
public enum FreshnessStatus: String, Sendable {
    case pass, warn, error
    /// The check itself failed (the query, or what it returned).
    case runtimeError = "runtime error"
}
