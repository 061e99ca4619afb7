extension SourceTable {
    /// The source's `freshness` as dbt's manifest and `graph` give it: none when the config sets it to
    /// null; otherwise `warn_after` and `error_after` (each `count` and `period`, none when not given)
    /// and `filter`, so that templates may read `freshness.warn_after.count` of any source.
    var freshnessValue: ConfigValue {
        let given = config["freshness"]
        if case .null? = given { return .null }
        func threshold(_ key: String) -> ConfigValue {
            let written = given?[key]
            return .dict([("count", written?["count"] ?? .null), ("period", written?["period"] ?? .null)])
        }
        return .dict([("warn_after", threshold("warn_after")), ("error_after", threshold("error_after")),
                      ("filter", given?["filter"] ?? .null)])
    }
}

extension SourceTable {
    /// What `source freshness` checks the table against; nil when it does not check it (no thresholds, or off).
    public var freshnessCriteria: FreshnessCriteria? { FreshnessCriteria(freshnessValue) }

    /// `loaded_at_field`: the column whose newest value says when the table was last loaded (the table's own,
    /// else its source's).
    public var loadedAtField: String? { config["loaded_at_field"]?.stringValue }

    /// `loaded_at_query` (dbt 1.10): a query giving that time itself, in place of `loaded_at_field`.
    public var loadedAtQuery: String? { config["loaded_at_query"]?.stringValue }
}
